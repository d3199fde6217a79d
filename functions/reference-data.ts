/** GET /districts, /categories, /openapi.json: static data for forms and clients, cacheable. */
import middy from '@middy/core';
import { httpMiddlewares } from '../shared/runtime/http.ts';
import { CATEGORIES } from '../shared/domain/categories.ts';
import { DISTRICTS, REGIONS } from '../shared/domain/districts.ts';
import { HttpError } from '../shared/adapters/http/errors.ts';
import { jsonResponse, type ApiEvent, type ApiResult } from '../shared/adapters/http/middleware.ts';
import { buildOpenApiDocument } from '../shared/schemas/openapi.ts';
import { httpRoutes } from '../infra/topology.ts';

const CACHE = { 'cache-control': 'public, max-age=3600' };

const BODIES: Record<string, () => unknown> = {
  '/districts': () => ({
    regions: REGIONS.map(({ code, en, ur }) => ({ code, en, ur })),
    districts: DISTRICTS.map(({ code, en, ur, region }) => ({ code, en, ur, region })),
  }),
  '/categories': () => ({
    categories: CATEGORIES.map(({ code, en, ur, defaultPriority, sensitive }) => ({
      code,
      en,
      ur,
      defaultPriority,
      sensitive,
    })),
  }),
  '/openapi.json': () => buildOpenApiDocument(httpRoutes()),
};

const rendered = new Map<string, ApiResult>();

export const handler = middy<ApiEvent, ApiResult>()
  .use(httpMiddlewares())
  .handler(async (event) => {
    const path = event.rawPath;
    const build = Object.hasOwn(BODIES, path) ? BODIES[path] : undefined;
    if (!build)
      throw new HttpError(404, 'not_found', 'There is no such route. See GET /openapi.json for the API.');
    let response = rendered.get(path);
    if (!response) {
      response = jsonResponse(200, build(), CACHE);
      rendered.set(path, response);
    }
    return { ...response, headers: { ...response.headers } };
  });
