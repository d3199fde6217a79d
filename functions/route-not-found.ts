/** The $default route: 405 (with `Allow`) for a known path and another method, else 404; same JSON error shape. */
import middy from '@middy/core';
import { httpMiddlewares } from '../shared/runtime/http.ts';
import { httpRoutes } from '../infra/topology.ts';
import { HttpError } from '../shared/adapters/http/errors.ts';
import { type ApiEvent, type ApiResult } from '../shared/adapters/http/middleware.ts';

const templateToRegExp = (path: string): RegExp =>
  new RegExp(
    `^${path
      .split(/\{[^/}]+\}/)
      .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
      .join('[^/]+')}/?$`,
  );

const ROUTES = httpRoutes()
  .filter(({ route }) => route.path.startsWith('/'))
  .map(({ route }) => ({ method: route.method, pattern: templateToRegExp(route.path) }));

export const allowedMethods = (path: string): string[] => [
  ...new Set(ROUTES.filter((r) => r.pattern.test(path)).map((r) => r.method)),
];

export const handler = middy<ApiEvent, ApiResult>()
  .use(httpMiddlewares())
  .handler(async (event) => {
    const path = typeof event.rawPath === 'string' ? event.rawPath : '/';
    const method = event.requestContext?.http?.method ?? 'GET';
    const allowed = allowedMethods(path);
    if (allowed.length > 0 && !allowed.includes(method)) {
      throw new HttpError(405, 'method_not_allowed', `${method.slice(0, 10)} is not allowed on this path.`, {
        headers: { allow: allowed.join(', ') },
      });
    }
    throw new HttpError(404, 'not_found', 'There is no such route. See GET /openapi.json for the API.');
  });
