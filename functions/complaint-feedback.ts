/**
 * POST /complaints/feedback: the complainant says whether the resolved complaint satisfied them, with
 * the same proof of ownership as tracking (tracking code or filing phone). Satisfied → closed;
 * not satisfied → reopened one level up with the reason in the timeline.
 */
import middy from '@middy/core';
import { httpMiddlewares } from '../shared/runtime/http.ts';
import { jsonBody, jsonResponse, type ApiEvent, type ApiResult } from '../shared/adapters/http/middleware.ts';
import { giveFeedback } from '../shared/app/officer/citizen-feedback.ts';
import { trackComplaint } from '../shared/app/track-complaint.ts';
import { citizenFeedbackDeps } from '../shared/runtime/officer.ts';
import { feedbackRequestSchema } from '../shared/schemas/officer-http.ts';

const body = jsonBody(feedbackRequestSchema);

export const handler = middy<ApiEvent, ApiResult>()
  .use(httpMiddlewares())
  .use(body.middleware)
  .handler(async (event) => {
    const { etag, trackingCode, phone, satisfied, reason } = body.of(event);
    const deps = citizenFeedbackDeps();
    // The tracking use case is the one proof-of-ownership check: same answer for unknown and not yours.
    await trackComplaint(deps, { etag, ...(trackingCode ? { trackingCode } : { phone }) });
    const result = await giveFeedback(deps, {
      etag,
      identity: 'proven-by-tracking',
      satisfied,
      ...(reason ? { reason } : {}),
    });
    return jsonResponse(200, result);
  });
