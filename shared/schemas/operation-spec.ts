/** How a route's owner describes its operation for the OpenAPI document (openapi.ts). */
import type * as z from '../domain/zod.ts';
import { errorResponseSchema } from './http.ts';

export interface OperationSpec {
  summary: string;
  description?: string;
  request?: { name: string; schema: z.ZodMiniType };
  responses: Record<
    string,
    {
      description: string;
      schema?: { name: string; schema: z.ZodMiniType };
      headers?: Record<string, unknown>;
    }
  >;
  parameters?: unknown[];
}

/** A response in the one error shape. */
export const errorSpec = (description: string) => ({
  description,
  schema: { name: 'Error', schema: errorResponseSchema },
});

/** 429 from the per-phone, per-address and per-e-tag limits (docs/reliability.md, "Abuse"), or from the WAF. */
export const rateLimitedSpec = (description: string) => ({
  ...errorSpec(`${description}. Wait the number of seconds in \`Retry-After\`, then try again.`),
  headers: {
    'Retry-After': {
      description: 'Seconds until the limit resets',
      schema: { type: 'integer', minimum: 0 },
    },
  },
});
