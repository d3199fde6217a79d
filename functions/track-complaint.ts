/** POST /complaints/track: status and timeline for the complainant, with proof of ownership. */
import middy from '@middy/core';
import { httpMiddlewares } from '../shared/runtime/http.ts';
import { jsonBody, jsonResponse, type ApiEvent, type ApiResult } from '../shared/adapters/http/middleware.ts';
import { trackComplaint } from '../shared/app/track-complaint.ts';
import { complaintDeps } from '../shared/runtime/complaints.ts';
import { trackComplaintRequestSchema } from '../shared/schemas/http.ts';

const body = jsonBody(trackComplaintRequestSchema);

export const handler = middy<ApiEvent, ApiResult>()
  .use(httpMiddlewares())
  .use(body.middleware)
  .handler(async (event) => jsonResponse(200, await trackComplaint(complaintDeps(), body.json(event))));
