/**
 * The complainant's answers, with the same proof of ownership as tracking (tracking code or filing phone):
 * - POST /complaints/feedback: satisfied → closed; not satisfied → reopened one level up, reason in the timeline;
 * - POST /complaints/respond: the answer to an officer's request for information; the SLA clock resumes.
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
import { answerInformationRequest, giveFeedback } from '../shared/app/citizen/feedback.ts';
import { proveOwnership } from '../shared/app/track-complaint.ts';
import { trackingDeps } from '../shared/runtime/complaints.ts';
import { feedbackRequestSchema, informationAnswerRequestSchema } from '../shared/schemas/citizen-http.ts';

const isAnswer = (event: ApiEvent): boolean => (event.rawPath ?? '').endsWith('/respond');

export const handler = middy<ApiEvent, ApiResult>()
  .use(httpMiddlewares())
  .handler(async (event) => {
    const deps = trackingDeps();
    if (isAnswer(event)) {
      const { message, ...proof } = parseJsonBody(event, informationAnswerRequestSchema);
      const etag = await proveOwnership(deps, proof, callerContext(event));
      return jsonResponse(
        200,
        await answerInformationRequest(deps, { etag, identity: 'proven-by-tracking', answer: message }),
      );
    }
    const { satisfied, reason, ...proof } = parseJsonBody(event, feedbackRequestSchema);
    const etag = await proveOwnership(deps, proof, callerContext(event));
    const result = await giveFeedback(deps, {
      etag,
      identity: 'proven-by-tracking',
      satisfied,
      ...(reason ? { reason } : {}),
    });
    return jsonResponse(200, result);
  });
