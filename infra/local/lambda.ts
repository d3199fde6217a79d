/**
 * Loads the handlers named in infra/topology.ts and invokes them the way Lambda would: one event, a
 * Context with a deadline, the function's timeout enforced.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import type { FunctionDef } from '../topology.ts';

export type LambdaHandler = (event: unknown, context: Context) => unknown;

export interface LocalFunction {
  readonly def: Pick<FunctionDef, 'id' | 'timeoutSeconds' | 'memoryMb'> &
    Partial<Pick<FunctionDef, 'triggers'>>;
  readonly handler: LambdaHandler;
  /** The handler of a fresh instance of the entry module: another execution environment (see `createInvoker`). */
  readonly newEnvironment?: (environment: number) => Promise<LambdaHandler>;
}

/** Lambda's default when the topology does not say (AppFunction may choose differently in AWS). */
export const DEFAULT_TIMEOUT_SECONDS = 30;
export const LOCAL_ACCOUNT = '000000000000';

export class LambdaTimeoutError extends Error {
  override readonly name = 'LambdaTimeoutError';
}

export class FunctionNotLoadedError extends Error {
  override readonly name = 'FunctionNotLoadedError';
}

export const functionArn = (id: string, region: string, stage: string): string =>
  `arn:aws:lambda:${region}:${LOCAL_ACCOUNT}:function:rabta-${stage}-${id}`;

export const lambdaContext = (
  fn: LocalFunction['def'],
  options: { region: string; stage: string },
): Context => {
  const timeoutMs = (fn.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  const deadline = Date.now() + timeoutMs;
  const name = `rabta-${options.stage}-${fn.id}`;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: functionArn(fn.id, options.region, options.stage),
    memoryLimitInMB: String(fn.memoryMb ?? 1024),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: `local/${fn.id}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

interface Invocation {
  readonly functionName: string;
  readonly requestId: string;
}

const currentInvocation = new AsyncLocalStorage<Invocation>();

/**
 * In AWS each function has its own process and log group; here every function shares one process and one
 * Powertools logger, whose Lambda context belongs to whichever invocation set it last. So each JSON log line
 * written during an invocation is stamped with the function and request that wrote it (AsyncLocalStorage
 * follows the invocation across awaits, so concurrent invocations keep their own names).
 */
export const stampLogLines = (stream: NodeJS.WritableStream): void => {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const stamped = (chunk: unknown, ...rest: unknown[]): boolean => {
    const invocation = currentInvocation.getStore();
    if (invocation === undefined || typeof chunk !== 'string' || !chunk.startsWith('{')) {
      return write(chunk, ...rest);
    }
    let line: unknown;
    try {
      line = JSON.parse(chunk);
    } catch {
      return write(chunk, ...rest);
    }
    if (typeof line !== 'object' || line === null) return write(chunk, ...rest);
    // The ARN the shared logger may carry belongs to another function: the name says which one wrote this.
    const { function_arn: _otherFunction, ...fields } = line as Record<string, unknown>;
    const tagged = {
      ...fields,
      function_name: invocation.functionName,
      function_request_id: invocation.requestId,
    };
    return write(`${JSON.stringify(tagged)}\n`, ...rest);
  };
  stream.write = stamped as typeof stream.write;
};

/**
 * How long a timed-out handler may go on before its time-out is reported anyway: the longest lease a handler
 * holds (the outbound send lease, 150 s), after which a retry could take over its work in any case.
 */
export const LATE_HANDLER_GRACE_MS = 150_000;

/**
 * Invokes a handler with Lambda's timeout. Lambda kills a timed-out sandbox at the deadline; a handler here
 * cannot be killed and goes on, still holding its leases, so the time-out is reported (and the event source
 * retries) only once the handler has stopped or the grace has passed. Otherwise a retry beside the running
 * handler finds its claims held, fails on every receive and ends in the DLQ (docs/local-runtime.md).
 */
export const invokeFunction = async (
  fn: LocalFunction,
  event: unknown,
  options: { region: string; stage: string },
): Promise<unknown> => {
  const context = lambdaContext(fn.def, options);
  const timeoutMs = context.getRemainingTimeInMillis();
  const invocation = { functionName: context.functionName, requestId: context.awsRequestId };
  const run = currentInvocation.run(invocation, () =>
    Promise.resolve().then(() => fn.handler(event, context)),
  );
  const stopped = run.then(
    () => undefined,
    () => undefined,
  );
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
    timer.unref();
  });
  try {
    const first = await Promise.race([run.then((result) => ({ result })), deadline]);
    if (first !== 'timeout') return first.result;
  } finally {
    clearTimeout(timer);
  }
  // An HTTP caller gets its error at the deadline, as from API Gateway; no event source retries it.
  if (fn.def.triggers?.some((trigger) => trigger.kind !== 'http')) {
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([
      stopped,
      new Promise<void>((resolve) => {
        grace = setTimeout(resolve, LATE_HANDLER_GRACE_MS);
        grace.unref();
      }),
    ]);
    clearTimeout(grace);
  }
  throw new LambdaTimeoutError(`Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`);
};

export interface LoadResult {
  readonly loaded: Map<string, LocalFunction>;
  /** Functions whose entry file does not exist yet (reported, not fatal). */
  readonly missing: readonly string[];
}

/**
 * Imports every function's entry module. A missing file is reported, so a half-built tree still runs;
 * a module that exists but fails to load is a bug and fails the start.
 */
export const loadFunctions = async (defs: readonly FunctionDef[], rootDir: string): Promise<LoadResult> => {
  const loaded = new Map<string, LocalFunction>();
  const missing: string[] = [];
  for (const def of defs) {
    const file = resolve(rootDir, def.entry);
    if (!existsSync(file)) {
      missing.push(def.id);
      continue;
    }
    const load = async (url: string): Promise<LambdaHandler> => {
      const module = (await import(url)) as { handler?: unknown };
      if (typeof module.handler !== 'function') {
        throw new FunctionNotLoadedError(
          `${def.entry} does not export a 'handler' function (function ${def.id})`,
        );
      }
      return module.handler as LambdaHandler;
    };
    const url = pathToFileURL(file).href;
    loaded.set(def.id, {
      def,
      handler: await load(url),
      // Its own URL makes a new module instance; the modules it imports are shared (cached), as in one process.
      newEnvironment: (environment) => load(`${url}?environment=${environment}`),
    });
  }
  return { loaded, missing };
};

/**
 * Invokes functions the way Lambda runs them: an execution environment handles one invocation at a time, and a
 * concurrent invocation gets another, kept for reuse. Handlers rely on it: a batch handler keeps its Powertools
 * processor, which holds the batch being worked on, at module scope. When two WhatsApp-worker batches ran in one
 * module instance, each reported the other's failures and a failed message was deleted unprocessed. An environment
 * here is an instance of the function's entry module, so its module-scope state is its own; the modules the
 * entry imports (clients, configuration, the logger) are shared, as within one process.
 */
export const createInvoker = (options: { region: string; stage: string }) => {
  /** Each function's idle environments; present once its first environment exists (the loaded instance). */
  const idle = new Map<LocalFunction, LambdaHandler[]>();
  let environments = 1;
  const acquire = async (fn: LocalFunction): Promise<LambdaHandler> => {
    const own = idle.get(fn);
    if (!own) {
      idle.set(fn, []);
      return fn.handler;
    }
    return own.pop() ?? (fn.newEnvironment ? fn.newEnvironment(++environments) : fn.handler);
  };
  return async (fn: LocalFunction, event: unknown): Promise<unknown> => {
    const handler = await acquire(fn);
    try {
      return await invokeFunction({ def: fn.def, handler }, event, options);
    } finally {
      idle.get(fn)?.push(handler);
    }
  };
};
