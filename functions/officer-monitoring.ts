/** GET /officer/monitoring: counts, overdue, medians and breaches per district and region over a period (JSON or CSV). */
import middy from '@middy/core';
import { httpMiddlewares } from '../shared/runtime/http.ts';
import { queryOf, jsonResponse, type ApiEvent, type ApiResult } from '../shared/adapters/http/middleware.ts';
import { officerOf } from '../shared/adapters/http/officer-routes.ts';
import { monitoring, monitoringCsv } from '../shared/app/officer/monitoring.ts';
import { officerDeps } from '../shared/runtime/officer.ts';
import { monitoringQuerySchema } from '../shared/schemas/officer-http.ts';

export const handler = middy<ApiEvent, ApiResult>()
  .use(httpMiddlewares())
  .handler(async (event) => {
    const officer = officerOf(event);
    const { format, ...query } = queryOf(event, monitoringQuerySchema);
    const report = await monitoring(officerDeps(), { officer, ...query });
    if (format !== 'csv') return jsonResponse(200, report);
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'cache-control': 'no-store',
        'content-disposition': `attachment; filename="monitoring-${report.days.from}-${report.days.to}.csv"`,
      },
      body: monitoringCsv(report),
    };
  });
