/**
 * GET /officer/monitoring/officers: breaches and median delay per officer over a period;
 * GET /officer/monitoring/feedback: service feedback (WhatsApp service 15), for the CPO.
 */
import middy from '@middy/core';
import { httpMiddlewares } from '../shared/runtime/http.ts';
import { queryOf, jsonResponse, type ApiEvent, type ApiResult } from '../shared/adapters/http/middleware.ts';
import { officerOf } from '../shared/adapters/http/officer-routes.ts';
import { officerFigures } from '../shared/app/officer/officer-figures.ts';
import { listServiceFeedback } from '../shared/app/officer/service-feedback.ts';
import { officerDeps, serviceFeedbackDeps } from '../shared/runtime/officer.ts';
import { monitoringQuerySchema, serviceFeedbackQuerySchema } from '../shared/schemas/officer-http.ts';

export const handler = middy<ApiEvent, ApiResult>()
  .use(httpMiddlewares())
  .handler(async (event) => {
    const officer = officerOf(event);
    if ((event.rawPath ?? '').endsWith('/feedback')) {
      const query = queryOf(event, serviceFeedbackQuerySchema);
      return jsonResponse(200, await listServiceFeedback(serviceFeedbackDeps(), { officer, ...query }));
    }
    const query = queryOf(event, monitoringQuerySchema);
    return jsonResponse(200, await officerFigures(officerDeps(), { officer, ...query }));
  });
