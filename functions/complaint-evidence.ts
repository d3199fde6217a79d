/**
 * The complainant's evidence from the web or the API, with the same proof of ownership as tracking:
 * - POST /complaints/evidence: a presigned upload for one file (key, type and exact size fixed by the server);
 * - POST /complaints/evidence/confirm: the uploaded file checked and recorded once.
 */
import middy from '@middy/core';
import { httpMiddlewares } from '../shared/runtime/http.ts';
import {
  callerContext,
  jsonResponse,
  parseJsonBody,
  type ApiEvent,
  type ApiResult,
} from '../shared/adapters/http/middleware.ts';
import { confirmUpload, startUpload } from '../shared/app/evidence/web-upload.ts';
import { proveOwnership } from '../shared/app/track-complaint.ts';
import { trackingDeps } from '../shared/runtime/complaints.ts';
import { webUploadDeps } from '../shared/runtime/evidence.ts';
import { evidenceConfirmRequestSchema, evidenceUploadRequestSchema } from '../shared/schemas/citizen-http.ts';

const isConfirm = (event: ApiEvent): boolean => (event.rawPath ?? '').endsWith('/confirm');

export const handler = middy<ApiEvent, ApiResult>()
  .use(httpMiddlewares())
  .handler(async (event) => {
    if (isConfirm(event)) {
      const { uploadId, ...proof } = parseJsonBody(event, evidenceConfirmRequestSchema);
      const etag = await proveOwnership(trackingDeps(), proof, callerContext(event));
      return jsonResponse(200, await confirmUpload(webUploadDeps(), { etag, uploadId }));
    }
    const { contentType, bytes, fileName, describesComplaint, ...proof } = parseJsonBody(
      event,
      evidenceUploadRequestSchema,
    );
    const etag = await proveOwnership(trackingDeps(), proof, callerContext(event));
    const started = await startUpload(webUploadDeps(), {
      etag,
      contentType,
      bytes,
      ...(fileName && { fileName }),
      ...(describesComplaint && { describesComplaint }),
    });
    return jsonResponse(201, started);
  });
