/** GET /officer/follow-ups and POST /officer/follow-ups/{id}/actions (If-Match: the follow-up's version). */
import middy from '@middy/core';
import { httpMiddlewares } from '../shared/runtime/http.ts';
import {
  queryOf,
  jsonResponse,
  parseJsonBody,
  type ApiEvent,
  type ApiResult,
} from '../shared/adapters/http/middleware.ts';
import {
  ifMatchVersion,
  officerOf,
  pathParameter,
  versionHeaders,
} from '../shared/adapters/http/officer-routes.ts';
import { actOnFollowUp, listFollowUps } from '../shared/app/officer/follow-ups.ts';
import { officerDeps } from '../shared/runtime/officer.ts';
import { followUpActionRequestSchema, listFollowUpsQuerySchema } from '../shared/schemas/officer-http.ts';

export const handler = middy<ApiEvent, ApiResult>()
  .use(httpMiddlewares())
  .handler(async (event) => {
    const officer = officerOf(event);
    if (event.requestContext.http.method === 'GET') {
      const { limit, cursor, ...filters } = queryOf(event, listFollowUpsQuerySchema);
      const page = await listFollowUps(officerDeps(), {
        officer,
        filters,
        ...(limit ? { limit } : {}),
        ...(cursor ? { cursor } : {}),
      });
      return jsonResponse(200, page);
    }
    const id = pathParameter(event, 'id');
    const expectedVersion = ifMatchVersion(event);
    const action = parseJsonBody(event, followUpActionRequestSchema);
    const followUp = await actOnFollowUp(officerDeps(), { officer, id, expectedVersion, action });
    return jsonResponse(200, { followUp }, versionHeaders(followUp.version));
  });
