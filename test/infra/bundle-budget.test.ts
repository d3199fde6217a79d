/**
 * Every function's bundle, built with the deployed esbuild settings, stays within its budget
 * (infra/bundle-size.ts, docs/performance.md), and keeps out what only bloats it.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUNDLE_BUDGETS_KIB,
  PHONE_PARSING_FUNCTIONS,
  bundleFunction,
  heaviestSources,
} from '../../infra/bundle-size.ts';
import { FUNCTIONS } from '../../infra/topology.ts';

describe('function bundles', () => {
  it('every function of the topology has a budget, and no budget names a function that is gone', () => {
    // Act
    const ids = FUNCTIONS.map((fn) => fn.id).sort();
    // Assess
    expect(Object.keys(BUNDLE_BUDGETS_KIB).sort()).toEqual(ids);
  });

  it('each bundle stays within its budget and carries neither classic zod, zod’s other locales, the max phone metadata, nor phone metadata it does not use', async () => {
    // Act
    const over: string[] = [];
    const bloated: string[] = [];
    for (const fn of FUNCTIONS) {
      const bundle = await bundleFunction(resolve(fn.entry));
      const kib = bundle.bytes / 1024;
      const budget = BUNDLE_BUDGETS_KIB[fn.id] ?? 0;
      if (kib > budget) {
        over.push(
          `${fn.id}: ${kib.toFixed(0)} KiB > ${budget} KiB (heaviest: ${heaviestSources(bundle, 5)})`,
        );
      }
      const inputs = Object.entries(Object.values(bundle.metafile.outputs)[0]?.inputs ?? {})
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path]) => path);
      // Functions use zod/mini (shared/domain/zod.ts): classic zod (~99 KiB) comes back with one import of
      // `zod`, other locales than English with `{ z }`; libphonenumber-js's own metadata (we ship `min` without
      // formats, shared/domain/phone-metadata.json) with an import of `libphonenumber-js/min` or `max`.
      const unwanted = inputs.filter(
        (path) =>
          /zod\/v4\/(classic|locales\/(?!en\.js))/.test(path) ||
          /libphonenumber-js\/(max\/|mobile\/|metadata\.)/.test(path),
      );
      // The phone metadata (~118 KiB) only where a typed number is read; Powertools idempotency (with JMESPath)
      // only in FileComplaint.
      if (!PHONE_PARSING_FUNCTIONS.has(fn.id)) {
        unwanted.push(
          ...inputs.filter((path) => path.includes('node_modules/libphonenumber-js/')).slice(0, 1),
        );
      }
      if (fn.id !== 'FileComplaint') {
        unwanted.push(
          ...inputs.filter((path) => path.includes('@aws-lambda-powertools/jmespath/')).slice(0, 1),
        );
      }
      if (unwanted.length > 0) bloated.push(`${fn.id}: ${unwanted.slice(0, 3).join(', ')}`);
    }
    // Assess
    expect(over).toEqual([]);
    expect(bloated).toEqual([]);
  }, 300_000);
});
