/**
 * GET /officer/complaints/{etag}: one complaint, its full timeline and the complainant's contact.
 * GET /officer/complaints/{etag}/assignees: the stations, circles and officers its assign form offers.
 */
import middy from '@middy/core';
import { httpMiddlewares } from '../shared/runtime/http.ts';
import { jsonResponse, type ApiEvent, type ApiResult } from '../shared/adapters/http/middleware.ts';
import { officerOf, pathParameter, versionHeaders } from '../shared/adapters/http/officer-routes.ts';
import { assigneeOptions } from '../shared/app/officer/assignees.ts';
import { getComplaint } from '../shared/app/officer/complaints.ts';
import { forceRepository } from '../shared/runtime/force.ts';
import { officerDeps } from '../shared/runtime/officer.ts';

export const handler = middy<ApiEvent, ApiResult>()
  .use(httpMiddlewares())
  .handler(async (event) => {
    const officer = officerOf(event);
    const etag = pathParameter(event, 'etag');
    if (event.rawPath.endsWith('/assignees')) {
      return jsonResponse(
        200,
        await assigneeOptions({ ...officerDeps(), force: forceRepository() }, { officer, etag }),
      );
    }
    const detail = await getComplaint(officerDeps(), { officer, etag });
    return jsonResponse(200, detail, versionHeaders(detail.complaint.version));
  });
