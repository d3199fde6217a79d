/**
 * The OpenAPI 3.1 document of the public API, generated from the zod schemas that also validate the
 * requests. Every route of infra/topology.ts appears (the caller passes them: shared never imports infra);
 * routes whose owners have not described them yet get a minimal operation from the topology (add yours to
 * OPERATIONS).
 */
import * as z from '../domain/zod.ts';
import {
  categoriesResponseSchema,
  complaintStatusViewSchema,
  districtsResponseSchema,
  stationsResponseSchema,
  fileComplaintResponseSchema,
} from './http.ts';
import { CITIZEN_OPERATIONS } from './citizen-http.ts';
import { fileComplaintRequestSchema, trackComplaintRequestSchema } from './filing-http.ts';
import { OFFICER_OPERATIONS } from './officer-openapi.ts';
import { errorSpec as error, rateLimitedSpec as rateLimited, type OperationSpec } from './operation-spec.ts';

export type { OperationSpec };

/** An HTTP route as infra/topology.ts lists it, with the function that serves it. */
export interface DocumentedRoute {
  readonly fn: { readonly id: string; readonly description: string };
  readonly route: { readonly method: string; readonly path: string; readonly auth: 'public' | 'officer' };
}

const COMMON_ERRORS = {
  '400': error('Malformed JSON or invalid fields; `issues` lists each field path'),
  '413': error('Body larger than 64 KiB'),
  '415': error('Content-Type is not application/json'),
};

/** Described operations, by `METHOD path`. Officer and WhatsApp owners add theirs here. */
export const OPERATIONS: Record<string, OperationSpec> = {
  'POST /complaints': {
    summary: 'File a complaint',
    description:
      'Answers with the e-tag number and a tracking code (shown once). Send an `Idempotency-Key` header to make retries safe: the same key with the same body returns the same answer for 24 hours; the same key with a different body is a 422.',
    parameters: [
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        schema: { type: 'string', minLength: 1, maxLength: 255 },
        description: 'Unique per complaint, e.g. a UUID',
      },
    ],
    request: { name: 'FileComplaintRequest', schema: fileComplaintRequestSchema },
    responses: {
      '201': {
        description: 'Filed',
        schema: { name: 'FileComplaintResponse', schema: fileComplaintResponseSchema },
      },
      ...COMMON_ERRORS,
      '409': error('A request with the same Idempotency-Key is still in progress'),
      '422': error('Idempotency-Key reused with a different body'),
      '429': rateLimited('Too many filings naming this phone number, or from this address'),
    },
  },
  'POST /complaints/track': {
    summary: 'Status and timeline of a complaint, for its complainant',
    description:
      'Needs proof of ownership: the e-tag with the tracking code, or with the phone number the complaint was filed with. An unknown e-tag and a wrong proof both answer 404.',
    request: { name: 'TrackComplaintRequest', schema: trackComplaintRequestSchema },
    responses: {
      '200': {
        description: 'The complaint as its complainant sees it',
        schema: { name: 'ComplaintStatus', schema: complaintStatusViewSchema },
      },
      ...COMMON_ERRORS,
      '404': error('No complaint matches this e-tag and proof'),
      '429': rateLimited(
        'Too many tracking requests from this address or for this e-tag, or too many wrong proofs',
      ),
    },
  },
  'GET /districts': {
    summary: 'Districts and police regions of Punjab, in English and Urdu',
    responses: {
      '200': { description: 'Districts', schema: { name: 'Districts', schema: districtsResponseSchema } },
    },
  },
  'GET /stations': {
    summary: 'The police stations of a district, from the force directory, each with its circle',
    description:
      'For the filing form’s suggestions; `station` in POST /complaints stays free text. Cached for 5 minutes.',
    parameters: [
      {
        name: 'district',
        in: 'query',
        required: true,
        schema: { type: 'string' },
        description: 'District code, e.g. `LHR`',
      },
    ],
    responses: {
      '200': { description: 'Stations', schema: { name: 'Stations', schema: stationsResponseSchema } },
      '400': error('Missing or unknown district'),
    },
  },
  'GET /categories': {
    summary: 'Complaint categories, in English and Urdu',
    responses: {
      '200': { description: 'Categories', schema: { name: 'Categories', schema: categoriesResponseSchema } },
    },
  },
  'GET /openapi.json': {
    summary: 'This document',
    responses: { '200': { description: 'OpenAPI 3.1 document' } },
  },
  // Officer routes and citizen feedback (LIFECYCLE-APP).
  ...CITIZEN_OPERATIONS,
  ...OFFICER_OPERATIONS,
};

/** `{etag}` style path parameters of a route. */
const pathParameters = (path: string) =>
  [...path.matchAll(/\{([^}]+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));

const toSchema = (schema: z.ZodMiniType, io: 'input' | 'output'): Record<string, unknown> => {
  const { $schema: _s, ...json } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
    reused: 'inline',
  }) as Record<string, unknown>;
  // A schema with an id comes back as a $ref into $defs: unwrap it into a plain component.
  const defs = json.$defs as Record<string, Record<string, unknown>> | undefined;
  const ref = typeof json.$ref === 'string' ? json.$ref.replace('#/$defs/', '') : undefined;
  return ref && defs?.[ref] ? defs[ref] : json;
};

export const buildOpenApiDocument = (routes: readonly DocumentedRoute[]): Record<string, unknown> => {
  const components: Record<string, unknown> = {};
  const component = (name: string, schema: z.ZodMiniType, io: 'input' | 'output') => {
    components[name] ??= toSchema(schema, io);
    return { $ref: `#/components/schemas/${name}` };
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { fn, route } of routes) {
    if (!route.path.startsWith('/')) continue; // $default
    const method = route.method.toLowerCase();
    const spec = OPERATIONS[`${route.method} ${route.path}`];
    const operation: Record<string, unknown> = {
      operationId: `${fn.id}${route.method === 'GET' ? 'Get' : route.method === 'POST' ? 'Post' : route.method}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      summary: spec?.summary ?? fn.description,
      ...(spec?.description ? { description: spec.description } : {}),
      tags: [
        route.auth === 'officer' ? 'officer' : route.path.startsWith('/webhook') ? 'whatsapp' : 'public',
      ],
      ...(route.auth === 'officer' ? { security: [{ officerJwt: [] }] } : {}),
    };
    const parameters = [...pathParameters(route.path), ...(spec?.parameters ?? [])];
    if (parameters.length) operation.parameters = parameters;
    if (spec?.request) {
      operation.requestBody = {
        required: true,
        content: {
          'application/json': { schema: component(spec.request.name, spec.request.schema, 'input') },
        },
      };
    }
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(
      spec?.responses ?? { default: { description: "See the route owner's docs" } },
    )) {
      responses[status] = {
        description: response.description,
        ...(response.headers ? { headers: response.headers } : {}),
        ...(response.schema
          ? {
              content: {
                'application/json': {
                  schema: component(response.schema.name, response.schema.schema, 'output'),
                },
              },
            }
          : {}),
      };
    }
    operation.responses = responses;
    (paths[route.path] ??= {})[method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Rabta API',
      version: '1.0.0',
      description:
        'Complaint Management System of Punjab Police: citizens file and track complaints; officers act on them. Every error has the shape `{ "error": { "code", "message", "issues"?: [{ "path", "message" }] } }`.',
    },
    paths,
    components: {
      schemas: components,
      securitySchemes: { officerJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
};
