/**
 * zod for every schema of ours: `zod/mini`, the functional form esbuild can tree-shake (zod classic puts
 * every method on every schema, ~99 KiB in each function bundle; mini ~35 KiB; docs/performance.md). Mini
 * loads no locale, so English messages are set here: the 4xx responses name what is wrong, as before.
 * Import it as `import * as z from '…/domain/zod.ts'`, never `zod` or `zod/mini` directly (lint rule).
 */
import * as z from 'zod/mini';
import { NEVER } from 'zod/mini';
import type { ParsePayload } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';

z.config(en());

export * from 'zod/mini';
/** What `parse` throws (zod classic's `ZodError` is a subclass of it; `instanceof` works for both). */
export { $ZodError as ZodError } from 'zod/v4/core';

/**
 * Refuses a value inside `z.transform` (mini's transforms get no `ctx.addIssue`): records a custom issue as
 * classic's `addIssue` did and returns `NEVER`, so `return z.refuse(ctx, 'Unknown district code')`.
 */
export const refuse = (ctx: ParsePayload, message: string): never => {
  ctx.issues.push({ code: 'custom', message, input: ctx.value });
  return NEVER;
};
