/** GET /officer/complaints/{etag}/evidence/{evidenceId}: a short-lived link to one attachment, in scope only. */
import middy from '@middy/core';
import { httpMiddlewares } from '../shared/runtime/http.ts';
import { jsonResponse, type ApiEvent, type ApiResult } from '../shared/adapters/http/middleware.ts';
import { officerOf, pathParameter } from '../shared/adapters/http/officer-routes.ts';
import { openEvidence } from '../shared/app/evidence/views.ts';
import { openEvidenceDeps } from '../shared/runtime/evidence.ts';

export const handler = middy<ApiEvent, ApiResult>()
  .use(httpMiddlewares())
  .handler(async (event) => {
    const opened = await openEvidence(openEvidenceDeps(), {
      officer: officerOf(event),
      etag: pathParameter(event, 'etag'),
      evidenceId: pathParameter(event, 'evidenceId'),
    });
    return jsonResponse(200, opened);
  });
