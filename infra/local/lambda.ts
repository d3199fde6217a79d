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
  readonly def: Pick<FunctionDef, 'id' | 'timeoutSeconds' | 'memoryMb'>;
  readonly handler: LambdaHandler;
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

/** Invokes a handler with Lambda's timeout; the handler's own promise keeps running if it times out. */
export const invokeFunction = async (
  fn: LocalFunction,
  event: unknown,
  options: { region: string; stage: string },
): Promise<unknown> => {
  const context = lambdaContext(fn.def, options);
  const timeoutMs = context.getRemainingTimeInMillis();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new LambdaTimeoutError(`Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`)),
      timeoutMs,
    );
    timer.unref();
  });
  try {
    const invocation = { functionName: context.functionName, requestId: context.awsRequestId };
    const run = currentInvocation.run(invocation, () =>
      Promise.resolve().then(() => fn.handler(event, context)),
    );
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
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
    const module = (await import(pathToFileURL(file).href)) as { handler?: unknown };
    if (typeof module.handler !== 'function') {
      throw new FunctionNotLoadedError(
        `${def.entry} does not export a 'handler' function (function ${def.id})`,
      );
    }
    loaded.set(def.id, { def, handler: module.handler as LambdaHandler });
  }
  return { loaded, missing };
};
