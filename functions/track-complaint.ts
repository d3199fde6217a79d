/** POST /complaints/track: status and timeline for the complainant, with proof of ownership. */
import middy from '@middy/core';
import { httpMiddlewares } from '../shared/runtime/http.ts';
import {
  clientAddress,
  jsonBody,
  jsonResponse,
  type ApiEvent,
  type ApiResult,
} from '../shared/adapters/http/middleware.ts';
import { trackComplaint } from '../shared/app/track-complaint.ts';
import { trackingDeps } from '../shared/runtime/complaints.ts';
import { trackComplaintRequestSchema } from '../shared/schemas/filing-http.ts';

const body = jsonBody(trackComplaintRequestSchema);

export const handler = middy<ApiEvent, ApiResult>()
  .use(httpMiddlewares())
  .use(body.middleware)
  .handler(async (event) => {
    const address = clientAddress(event);
    const view = await trackComplaint(
      trackingDeps(),
      body.json(event),
      address ? { clientAddress: address } : {},
    );
    return jsonResponse(200, view);
  });
