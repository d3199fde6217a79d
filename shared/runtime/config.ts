/**
 * The only module that reads process.env. Each part of the system asks for the slice it needs;
 * a missing or malformed variable fails fast with a message naming it.
 */
import { z } from 'zod';

const env = process.env;

const parse = <T extends z.ZodType>(schema: T, values: Record<string, unknown>, what: string): z.output<T> => {
  const result = schema.safeParse(values);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Configuration for ${what} is invalid: ${problems}`);
  }
  return result.data;
};

export const stage = (): string => env.STAGE ?? 'local';

/** Set only when talking to an emulator (moto, LocalStack); the SDK also honours it natively. */
export const awsEndpoint = (): string | undefined => env.AWS_ENDPOINT_URL || undefined;

export const tableConfig = () =>
  parse(z.object({ tableName: z.string().min(1) }), { tableName: env.TABLE_NAME }, 'the application table (TABLE_NAME)');

export const idempotencyConfig = () =>
  parse(
    z.object({ tableName: z.string().min(1) }),
    { tableName: env.IDEMPOTENCY_TABLE_NAME },
    'the idempotency table (IDEMPOTENCY_TABLE_NAME)',
  );

export const eventBusConfig = () =>
  parse(z.object({ busName: z.string().min(1) }), { busName: env.EVENT_BUS_NAME }, 'the event bus (EVENT_BUS_NAME)');

export const queueUrl = (envVar: string): string =>
  parse(z.object({ url: z.url() }), { url: env[envVar] }, `the queue (${envVar})`).url;
