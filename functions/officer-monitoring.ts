/** GET /officer/monitoring: counts, overdue, medians and breaches per district and region over a period. */
import middy from '@middy/core';
import { httpMiddlewares } from '../shared/runtime/http.ts';
import { jsonResponse, type ApiEvent, type ApiResult } from '../shared/adapters/http/middleware.ts';
import { officerOf, queryOf } from '../shared/adapters/http/officer-routes.ts';
import { monitoring } from '../shared/app/officer/monitoring.ts';
import { officerDeps } from '../shared/runtime/officer.ts';
import { monitoringQuerySchema } from '../shared/schemas/officer-http.ts';

export const handler = middy<ApiEvent, ApiResult>()
  .use(httpMiddlewares())
  .handler(async (event) => {
    const officer = officerOf(event);
    const query = queryOf(event, monitoringQuerySchema);
    return jsonResponse(200, await monitoring(officerDeps(), { officer, ...query }));
  });
