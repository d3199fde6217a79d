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
