/**
 * POST /officer/complaints/{etag}/assign | /transitions | /actions: one lifecycle command, applied only
 * if the complaint is still at the version sent in If-Match (428 without it, 412 when stale).
 */
import middy from '@middy/core';
import { httpMiddlewares } from '../shared/runtime/http.ts';
import { HttpError } from '../shared/adapters/http/errors.ts';
import {
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
import { actOnComplaint } from '../shared/app/officer/complaints.ts';
import type { LifecycleCommand } from '../shared/domain/lifecycle.ts';
import { forceRepository } from '../shared/runtime/force.ts';
import { officerDeps } from '../shared/runtime/officer.ts';
import {
  actionRequestSchema,
  assignRequestSchema,
  transitionRequestSchema,
} from '../shared/schemas/officer-http.ts';

/** The route decides the command family; the body fills it in (and is validated for that family). */
const commandOf = (event: ApiEvent): LifecycleCommand => {
  const path = event.rawPath ?? '';
  if (path.endsWith('/assign')) return { type: 'assign', ...parseJsonBody(event, assignRequestSchema) };
  if (path.endsWith('/actions'))
    return { type: 'recordAction', ...parseJsonBody(event, actionRequestSchema) };
  if (path.endsWith('/transitions')) return parseJsonBody(event, transitionRequestSchema) as LifecycleCommand;
  throw new HttpError(404, 'not_found', 'Not found');
};

export const handler = middy<ApiEvent, ApiResult>()
  .use(httpMiddlewares())
  .handler(async (event) => {
    const officer = officerOf(event);
    const etag = pathParameter(event, 'etag');
    const expectedVersion = ifMatchVersion(event);
    const command = commandOf(event);
    const complaint = await actOnComplaint(
      // The force directory only for these two functions: assignments are checked against it.
      { ...officerDeps(), force: forceRepository() },
      { officer, etag, expectedVersion, command },
    );
    return jsonResponse(200, { complaint }, versionHeaders(complaint.version));
  });
