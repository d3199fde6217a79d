/**
 * GET /webhook: Meta's verification handshake. POST /webhook: signature check, split, enqueue, 200.
 * The use cases' errors become status codes in the HTTP edge (adapters/http/errors.ts), like every route's.
 */
import middy from '@middy/core';
import { httpMiddlewares } from '../shared/runtime/http.ts';
import { HttpError } from '../shared/adapters/http/errors.ts';
import { header, type ApiEvent, type ApiResult } from '../shared/adapters/http/middleware.ts';
import { SIGNATURE_HEADER } from '../shared/app/whatsapp/signature.ts';
import { receiveWebhook, verifyWebhookSubscription } from '../shared/app/whatsapp/receive-webhook.ts';
import { webhookDeps } from '../shared/runtime/whatsapp.ts';

/** Meta batches up to 1000 updates per POST; far below API Gateway's 10 MB. */
const MAX_BODY_BYTES = 3 * 1024 * 1024;

const rawBody = (event: ApiEvent): Buffer => {
  const body = event.body ?? '';
  if ((event.isBase64Encoded ? (body.length * 3) / 4 : body.length) > MAX_BODY_BYTES) {
    throw new HttpError(413, 'payload_too_large', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  }
  return event.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
};

export const handler = middy<ApiEvent, ApiResult>()
  .use(httpMiddlewares())
  .handler(async (event) => {
    const deps = webhookDeps();
    if (event.requestContext.http.method === 'GET') {
      const query = event.queryStringParameters ?? {};
      const challenge = await verifyWebhookSubscription(deps, {
        mode: query['hub.mode'],
        verifyToken: query['hub.verify_token'],
        challenge: query['hub.challenge'],
      });
      return { statusCode: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: challenge };
    }
    await receiveWebhook(deps, { rawBody: rawBody(event), signature: header(event, SIGNATURE_HEADER) });
    return {
      statusCode: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: 'EVENT_RECEIVED',
    };
  });
