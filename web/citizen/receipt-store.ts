/** The receipt of the last filing in this tab: the tracking code is shown once, so it lives only here. */
export interface Receipt {
  readonly etag: string;
  readonly trackingCode: string;
  readonly createdAt: string;
  /** The complaint was filed but its voice-note description could not be uploaded: attach it when tracking. */
  readonly voiceNoteMissing?: boolean;
}

const KEY = 'rabta.receipt';

export const saveReceipt = (receipt: Receipt): void => {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(receipt));
  } catch {
    // storage unavailable: the receipt page shows what it was handed in memory
  }
};

export const readReceipt = (): Receipt | undefined => {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Receipt) : undefined;
  } catch {
    return undefined;
  }
};
