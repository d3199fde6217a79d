/** POST /complaints: file a complaint; honours `Idempotency-Key` (same key + same body → same answer; other body → 422). */
import middy from '@middy/core';
import { httpMiddlewares } from '../shared/runtime/http.ts';
import { makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Context } from 'aws-lambda';
import {
  clientAddress,
  idempotencyKeyHeader,
  jsonBody,
  jsonResponse,
  type ApiEvent,
  type ApiResult,
} from '../shared/adapters/http/middleware.ts';
import { fileComplaint } from '../shared/app/file-complaint.ts';
import { complaintDeps } from '../shared/runtime/complaints.ts';
import { fileComplaintIdempotency } from '../shared/runtime/file-complaint.ts';
import { logger, metrics } from '../shared/runtime/powertools.ts';
import { fileComplaintRequestSchema } from '../shared/schemas/filing-http.ts';

// Rejects bad input before any work (and before an idempotency record); the use case validates again
// the same plain JSON, since the WhatsApp worker calls it without this edge.
const body = jsonBody(fileComplaintRequestSchema);

const fileOnce = makeIdempotent(async (event: ApiEvent, _context: Context): Promise<ApiResult> => {
  const address = clientAddress(event);
  const { complaint: _complaint, ...answer } = await fileComplaint(complaintDeps(), {
    input: body.json(event),
    channel: 'web',
    ...(address ? { clientAddress: address } : {}),
  });
  logger().info('Complaint filed', { etag: answer.etag });
  metrics().addMetric('ComplaintsFiled', MetricUnit.Count, 1);
  return jsonResponse(201, answer);
}, fileComplaintIdempotency());

export const handler = middy<ApiEvent, ApiResult>()
  .use(httpMiddlewares())
  .use(logMetrics(metrics()))
  .use(idempotencyKeyHeader())
  .use(body.middleware)
  .handler((event, context) => fileOnce(event, context));
