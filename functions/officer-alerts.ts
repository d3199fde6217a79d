/** GET /officer/alerts: SLA warnings and breaches in the officer's scope, newest first. */
import middy from '@middy/core';
import { httpMiddlewares } from '../shared/runtime/http.ts';
import { queryOf, jsonResponse, type ApiEvent, type ApiResult } from '../shared/adapters/http/middleware.ts';
import { officerOf } from '../shared/adapters/http/officer-routes.ts';
import { listAlerts } from '../shared/app/officer/alerts.ts';
import { officerDeps } from '../shared/runtime/officer.ts';
import { listAlertsQuerySchema } from '../shared/schemas/officer-http.ts';

export const handler = middy<ApiEvent, ApiResult>()
  .use(httpMiddlewares())
  .handler(async (event) => {
    const officer = officerOf(event);
    const { limit, cursor, district, kind } = queryOf(event, listAlertsQuerySchema);
    const page = await listAlerts(officerDeps(), {
      officer,
      ...(district ? { district } : {}),
      ...(kind ? { kind } : {}),
      ...(limit ? { limit } : {}),
      ...(cursor ? { cursor } : {}),
    });
    return jsonResponse(200, page);
  });
