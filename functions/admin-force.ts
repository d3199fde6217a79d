/**
 * The force directory's admin routes (docs/force.md): units and posts, officers, postings and transfers,
 * roster import, seeding the public structure. Any authenticated officer reaches the handler; the use
 * cases answer 403 to everyone but an administrator.
 */
import middy from '@middy/core';
import * as z from '../shared/domain/zod.ts';
import { HttpError } from '../shared/adapters/http/errors.ts';
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
import {
  assertAdmin,
  createOfficer,
  createUnit,
  getOfficer,
  listUnits,
  officerInputSchema,
  officerUpdateSchema,
  postingInputSchema,
  postOfficer,
  unitInputSchema,
  unitUpdateSchema,
  updateOfficer,
  updateUnit,
} from '../shared/app/force/admin.ts';
import { importRoster } from '../shared/app/force/roster.ts';
import { seedStructure } from '../shared/domain/force/seed.ts';
import { httpMiddlewares } from '../shared/runtime/http.ts';
import { forceRepository } from '../shared/runtime/force.ts';
import { forceAdminDeps } from '../shared/runtime/officer.ts';

const rosterSchema = z.strictObject({
  csv: z.string().check(z.maxLength(60_000)),
  apply: z._default(z.boolean(), false),
});
const unitsQuerySchema = z.strictObject({ district: z.optional(z.string().check(z.maxLength(10))) });

export const handler = middy<ApiEvent, ApiResult>()
  .use(httpMiddlewares())
  .handler(async (event) => {
    const actor = officerOf(event);
    const deps = forceAdminDeps();
    switch (event.routeKey) {
      case 'GET /admin/units':
        return jsonResponse(200, await listUnits(deps, { actor, ...queryOf(event, unitsQuerySchema) }));
      case 'POST /admin/units': {
        assertAdmin(actor);
        const unit = parseJsonBody(event, unitInputSchema);
        return jsonResponse(201, await createUnit(deps, { actor, unit }));
      }
      case 'PATCH /admin/units/{id}': {
        assertAdmin(actor);
        const changes = parseJsonBody(event, unitUpdateSchema);
        return jsonResponse(200, await updateUnit(deps, { actor, id: pathParameter(event, 'id'), changes }));
      }
      case 'POST /admin/officers': {
        assertAdmin(actor);
        const officer = parseJsonBody(event, officerInputSchema);
        const created = await createOfficer(deps, { actor, officer });
        return jsonResponse(201, created, versionHeaders(created.officer.version));
      }
      case 'GET /admin/officers/{serviceNumber}': {
        const found = await getOfficer(deps, { actor, serviceNumber: pathParameter(event, 'serviceNumber') });
        return jsonResponse(200, found, versionHeaders(found.officer.version));
      }
      case 'PATCH /admin/officers/{serviceNumber}': {
        assertAdmin(actor);
        const expectedVersion = ifMatchVersion(event);
        const changes = parseJsonBody(event, officerUpdateSchema);
        const officer = await updateOfficer(deps, {
          actor,
          serviceNumber: pathParameter(event, 'serviceNumber'),
          expectedVersion,
          changes,
        });
        return jsonResponse(200, { officer }, versionHeaders(officer.version));
      }
      case 'POST /admin/officers/{serviceNumber}/postings': {
        assertAdmin(actor);
        const posting = parseJsonBody(event, postingInputSchema);
        return jsonResponse(
          201,
          await postOfficer(deps, { actor, serviceNumber: pathParameter(event, 'serviceNumber'), posting }),
        );
      }
      case 'POST /admin/roster': {
        assertAdmin(actor);
        const { csv, apply } = parseJsonBody(event, rosterSchema);
        const report = await importRoster(deps, { actor, csv, apply });
        return jsonResponse(report.errors.length > 0 ? 422 : 200, report);
      }
      case 'POST /admin/force/seed': {
        assertAdmin(actor);
        const { units, posts } = seedStructure();
        return jsonResponse(200, { written: await forceRepository().seed(units, posts) });
      }
      default:
        throw new HttpError(404, 'not_found', 'Not found');
    }
  });
