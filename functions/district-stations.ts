/** GET /stations?district=LHR: the district's police stations (and their circles) from the force directory. */
import middy from '@middy/core';
import { httpMiddlewares } from '../shared/runtime/http.ts';
import { jsonResponse, queryOf, type ApiEvent, type ApiResult } from '../shared/adapters/http/middleware.ts';
import { districtStations } from '../shared/app/force/stations.ts';
import { forceRepository } from '../shared/runtime/force.ts';
import { stationsQuerySchema } from '../shared/schemas/http.ts';

/** The directory changes rarely; browsers and the CDN may keep a district's stations a few minutes. */
const CACHE = { 'cache-control': 'public, max-age=300' };

export const handler = middy<ApiEvent, ApiResult>()
  .use(httpMiddlewares())
  .handler(async (event) => {
    const { district } = queryOf(event, stationsQuerySchema);
    return jsonResponse(200, await districtStations({ force: forceRepository() }, district), CACHE);
  });
