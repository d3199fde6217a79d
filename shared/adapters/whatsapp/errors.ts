/** Errors of the WhatsApp adapters (SQS enqueueing; the Graph API's is the app's GraphApiError). */

export class EnqueueFailedError extends Error {
  override readonly name = 'EnqueueFailedError';
  constructor(
    message: string,
    readonly failedCount: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
