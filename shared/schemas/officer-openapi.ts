/**
 * The officer API's part of the OpenAPI document (merged into openapi.ts OPERATIONS), generated from the
 * request schemas of officer-http.ts. Apart from them because it converts schemas to JSON Schema when loaded:
 * in officer-http.ts that code (~23 KiB) rode along in every officer function's bundle.
 */
import * as z from '../domain/zod.ts';
import { errorSpec as err, type OperationSpec } from './operation-spec.ts';
import {
  actionRequestSchema,
  assignRequestSchema,
  followUpActionRequestSchema,
  listAlertsQuerySchema,
  listComplaintsQuerySchema,
  listFollowUpsQuerySchema,
  monitoringQuerySchema,
  serviceFeedbackQuerySchema,
  transitionRequestSchema,
} from './officer-http.ts';

const OFFICER_ERRORS = {
  '400': err('Invalid parameters or body; `issues` lists each one (also an invalid or tampered cursor)'),
  '401': err(
    'No officer token (the gateway answers before the function when the token is invalid or expired)',
  ),
  '403': err('The token’s role or area claims are unusable (unknown role, district or region; missing area)'),
};

const ACT_ERRORS = {
  ...OFFICER_ERRORS,
  '404': err('No such complaint in the officer’s scope (out of scope answers exactly like unknown)'),
  '409': err('Illegal for this status, this role, or above the officer’s level; the message says which'),
  '412': err('If-Match names a version that is no longer current: reload and retry'),
  '428': err('If-Match header missing'),
};

/** Query parameters from a strict object schema (all optional). */
const queryParameters = (schema: z.ZodMiniObject) => {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
    $ref?: string;
    $defs?: Record<string, { properties?: Record<string, unknown> }>;
  };
  // A schema with an id comes back as a $ref into $defs.
  const properties = json.$ref
    ? json.$defs?.[json.$ref.replace('#/$defs/', '')]?.properties
    : json.properties;
  return Object.entries(properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: false,
    schema: property,
  }));
};

const IF_MATCH = {
  name: 'If-Match',
  in: 'header',
  required: true,
  schema: { type: 'string', examples: ['"3"'] },
  description: 'The version you read (the ETag header of GET /officer/complaints/{etag})',
};

const ETAG_HEADER = {
  etag: { description: 'The complaint’s (or follow-up’s) version, quoted', schema: { type: 'string' } },
};

const anyObject = (id: string) => z.looseObject({}).check(z.meta({ id }));

export const OFFICER_OPERATIONS: Record<string, OperationSpec> = {
  'GET /officer/complaints': {
    summary: 'The officer’s complaint queue',
    description:
      'Newest first, in the officer’s scope (SHO: station; SDPO/DPO: district; RPO: region; CPO/ADMIN: province). A district outside the scope gives an empty list. `cursor` is opaque: pass back the one you received.',
    parameters: queryParameters(listComplaintsQuerySchema),
    responses: {
      '200': {
        description: '`{ items, cursor? }`',
        schema: { name: 'OfficerComplaintPage', schema: anyObject('OfficerComplaintPage') },
      },
      ...OFFICER_ERRORS,
    },
  },
  'GET /officer/complaints/{etag}': {
    summary: 'One complaint with its full timeline and the complainant’s contact',
    responses: {
      '200': {
        description:
          '`{ complaint, timeline, evidence, listenToDescription }`: `evidence` lists every attachment (stored, refused or unavailable, with kind, type, size and SHA-256); `listenToDescription` is true when the description is a voice note',
        headers: ETAG_HEADER,
        schema: { name: 'OfficerComplaintDetail', schema: anyObject('OfficerComplaintDetail') },
      },
      ...OFFICER_ERRORS,
      '404': ACT_ERRORS['404'],
    },
  },
  'GET /officer/complaints/{etag}/assignees': {
    summary:
      'Whom the complaint may be assigned to: levels, the district’s stations and circles, signed-in officers',
    description:
      '`{ levels, stations: [{ name, circle? }], circles: [{ name }], officers: [{ id, role, name?, station?, circle? }] }`. Levels run up to the caller’s own; stations and circles come from the force directory for the complaint’s district; officers are those who have signed in at those levels there (an `id` is what `officerId` takes). For SDPO and above; an SHO gets 403.',
    responses: {
      '200': {
        description: 'The assign form’s choices',
        schema: { name: 'AssigneeOptions', schema: anyObject('AssigneeOptions') },
      },
      ...OFFICER_ERRORS,
      '404': ACT_ERRORS['404'],
    },
  },
  'GET /officer/complaints/{etag}/evidence/{evidenceId}': {
    summary: 'A short-lived link to one attachment of a complaint in the officer’s scope',
    description:
      'The evidence id comes from the `evidence` list of GET /officer/complaints/{etag}. The link (a presigned S3 GET) works for a few minutes and downloads the file under its name. Outside the scope, an unknown complaint and an unknown or unstored attachment all answer 404.',
    responses: {
      '200': {
        description: '`{ url, expiresAt, evidence }`',
        schema: { name: 'OpenedEvidence', schema: anyObject('OpenedEvidence') },
      },
      ...OFFICER_ERRORS,
      '404': ACT_ERRORS['404'],
    },
  },
  'POST /officer/complaints/{etag}/assign': {
    summary: 'Assign to a level (and a station or officer)',
    description:
      'A `station` or `circle` must be one of the complaint district’s in the force directory (any case and spacing; stored as the directory spells it), and an `officerId` an officer signed in at `level` for that district; an SHO officer sets the station. Otherwise 400 naming the known ones (GET …/assignees lists them).',
    parameters: [IF_MATCH],
    request: { name: 'AssignRequest', schema: assignRequestSchema },
    responses: { '200': { description: '`{ complaint }`', headers: ETAG_HEADER }, ...ACT_ERRORS },
  },
  'POST /officer/complaints/{etag}/transitions': {
    summary:
      'Change the status (start, requestCitizenInfo, resolve, reject, reopen; takeAndStart: a DPO or above takes a received complaint and starts on it)',
    parameters: [IF_MATCH],
    request: { name: 'TransitionRequest', schema: transitionRequestSchema },
    responses: { '200': { description: '`{ complaint }`', headers: ETAG_HEADER }, ...ACT_ERRORS },
  },
  'POST /officer/complaints/{etag}/actions': {
    summary: 'Record what was done (called the complainant, FIR registered, inquiry opened, ...)',
    parameters: [IF_MATCH],
    request: { name: 'ActionRequest', schema: actionRequestSchema },
    responses: { '200': { description: '`{ complaint }`', headers: ETAG_HEADER }, ...ACT_ERRORS },
  },
  'GET /officer/monitoring': {
    summary: 'Counts, overdue, median times and SLA breaches per district and region over a period',
    description: 'Default period: the last 30 days; at most 366. The CPO also gets the province.',
    parameters: queryParameters(monitoringQuerySchema),
    responses: {
      '200': {
        description: 'The report',
        schema: { name: 'MonitoringReport', schema: anyObject('MonitoringReport') },
      },
      ...OFFICER_ERRORS,
    },
  },
  'GET /officer/monitoring/officers': {
    summary:
      'Breaches and median delay per officer over a period (from the follow-ups, which name the officer)',
    description:
      'DPO: district, RPO: region, CPO/ADMIN: province; SHO and SDPO get 403. Default period: the last 30 days; at most 366. Delay: minutes the complaint waited with the officer’s post before the breach (docs/force.md).',
    parameters: queryParameters(monitoringQuerySchema),
    responses: {
      '200': {
        description: '`{ period, officers[], vacant, unattributed, itemsRead, truncated }`',
        schema: { name: 'OfficerFiguresReport', schema: anyObject('OfficerFiguresReport') },
      },
      ...OFFICER_ERRORS,
    },
  },
  'GET /officer/monitoring/feedback': {
    summary: 'Service feedback and suggestions sent on WhatsApp (service 15), newest first: CPO and ADMIN',
    parameters: queryParameters(serviceFeedbackQuerySchema),
    responses: {
      '200': { description: '`{ items: [{ id, language, text, receivedAt }], cursor? }`' },
      ...OFFICER_ERRORS,
    },
  },
  'GET /officer/follow-ups': {
    summary: 'Disciplinary follow-ups in scope (DPO: district, RPO: region, CPO: all)',
    parameters: queryParameters(listFollowUpsQuerySchema),
    responses: { '200': { description: '`{ items, cursor? }`' }, ...OFFICER_ERRORS },
  },
  'POST /officer/follow-ups/{id}/actions': {
    summary: 'Act on a follow-up: callExplanation, issueShowCause, close (with an outcome), addNote',
    description:
      'The id is `<etag>#<breach number>` (URL-encode the `#` as `%23`) or `<etag>.<breach number>`.',
    parameters: [IF_MATCH],
    request: { name: 'FollowUpActionRequest', schema: followUpActionRequestSchema },
    responses: { '200': { description: '`{ followUp }`', headers: ETAG_HEADER }, ...ACT_ERRORS },
  },
  'GET /officer/alerts': {
    summary: 'SLA warnings and breaches in scope, newest first',
    parameters: queryParameters(listAlertsQuerySchema),
    responses: { '200': { description: '`{ items, cursor? }`' }, ...OFFICER_ERRORS },
  },
};
