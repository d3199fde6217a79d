/** GET /officer/complaints: the officer's queue, filtered, newest first, cursor-paginated. */
import middy from '@middy/core';
import { httpMiddlewares } from '../shared/runtime/http.ts';
import { queryOf, jsonResponse, type ApiEvent, type ApiResult } from '../shared/adapters/http/middleware.ts';
import { officerOf } from '../shared/adapters/http/officer-routes.ts';
import { listComplaints } from '../shared/app/officer/complaints.ts';
import { officerDeps } from '../shared/runtime/officer.ts';
import { logger } from '../shared/runtime/powertools.ts';
import { listComplaintsQuerySchema } from '../shared/schemas/officer-http.ts';

export const handler = middy<ApiEvent, ApiResult>()
  .use(httpMiddlewares())
  .handler(async (event) => {
    const officer = officerOf(event);
    const { limit, cursor, ...filters } = queryOf(event, listComplaintsQuerySchema);
    const page = await listComplaints(
      {
        ...officerDeps(),
        onDirectoryError: (error) =>
          logger().warn('Officer directory refresh failed', { error: String(error) }),
      },
      { officer, filters, ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) },
    );
    return jsonResponse(200, page);
  });
