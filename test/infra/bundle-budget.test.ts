/**
 * Every function's bundle, built with the deployed esbuild settings, stays within its budget
 * (infra/bundle-size.ts, docs/performance.md), and keeps out what only bloats it.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { App, Stack } from 'aws-cdk-lib';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { describe, expect, it } from 'vitest';
import {
  BUNDLE_BUDGETS_KIB,
  PHONE_PARSING_FUNCTIONS,
  bundleFunction,
  heaviestSources,
} from '../../infra/bundle-size.ts';
import { FUNCTION_BUNDLING, PROJECT_ROOT, RUNTIME } from '../../infra/constructs/app-function.ts';
import { FUNCTIONS } from '../../infra/topology.ts';
import * as catalog from '../../shared/chat/catalog.ts';
import { DISTRICTS, findRegion } from '../../shared/domain/districts.ts';

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
      // The phone parser and metadata (~70 KiB) only where a typed number is read; Powertools idempotency (with JMESPath)
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

  it('the Urdu text is written as UTF-8 and reads back exactly as in the sources', async () => {
    // Arrange: the bot's service catalog (Urdu and English) bundled with the deployed settings
    const file = join(mkdtempSync(join(tmpdir(), 'rabta-bundle-')), 'catalog.mjs');
    await bundleFunction(resolve('shared/chat/catalog.ts'), file);
    // Act
    const bundled = (await import(file)) as typeof catalog;
    // Assess: raw Urdu letters, no escapes, and the same services, answers and categories
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(catalog.DRIVING_LICENCE.ur.slice(0, 12));
    expect(text).not.toMatch(/\\u06[0-9a-f]{2}/i);
    expect(JSON.stringify(bundled.SERVICES)).toBe(JSON.stringify(catalog.SERVICES));
    expect(bundled.DRIVING_LICENCE).toEqual(catalog.DRIVING_LICENCE);
    for (const district of DISTRICTS.slice(0, 5)) {
      const region = findRegion(district.region);
      expect(bundled.officeAnswer(district, region, 'ur')).toBe(catalog.officeAnswer(district, region, 'ur'));
    }
  }, 60_000);

  it('the CDK bundles a function exactly as measured here, its Urdu text as UTF-8', async () => {
    // Arrange: one NodejsFunction with the deployed bundling, bundled for real by a synth
    const entry = resolve('shared/chat/catalog.ts');
    const outdir = mkdtempSync(join(tmpdir(), 'rabta-cdk-bundle-'));
    const app = new App({ outdir });
    new NodejsFunction(new Stack(app, 'BundleProbe'), 'Catalog', {
      entry,
      runtime: RUNTIME,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      bundling: FUNCTION_BUNDLING,
    });
    // Act
    app.synth();
    const measured = join(mkdtempSync(join(tmpdir(), 'rabta-bundle-')), 'catalog.mjs');
    await bundleFunction(entry, measured);
    // Assess: the asset's code is the measured bundle (plus the source map's comment), Urdu and all
    const asset = readdirSync(outdir)
      .map((name) => join(outdir, name, 'index.mjs'))
      .find((file) => existsSync(file));
    expect(asset).toBeDefined();
    const deployed = readFileSync(asset ?? '', 'utf8');
    expect(deployed.replace(/\n\/\/# sourceMappingURL=index\.mjs\.map\n?$/, '\n')).toBe(
      readFileSync(measured, 'utf8'),
    );
    expect(deployed).toContain(catalog.DRIVING_LICENCE.ur.slice(0, 12));
  }, 120_000);

  it('a bundle signs its calls with the environment’s credentials (Lambda’s) without the credential providers left out', async () => {
    // Arrange: the floor bundle (DynamoDB document client + one Get) and an endpoint that records the call
    const dir = mkdtempSync(join(tmpdir(), 'rabta-bundle-'));
    const bundle = join(dir, 'floor.mjs');
    await bundleFunction(resolve('bench/floor/dynamodb.ts'), bundle);
    const authorizations: string[] = [];
    const server = createServer((request, response) => {
      authorizations.push(request.headers.authorization ?? '');
      request.resume().on('end', () => {
        response.setHeader('content-type', 'application/x-amz-json-1.0');
        response.end(JSON.stringify({ Item: { pk: { S: 'x' } } }));
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    const script = `const { handler } = await import(${JSON.stringify(bundle)}); process.stdout.write(JSON.stringify((await handler({ id: 'x' })).Item));`;
    // Act
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
        env: {
          PATH: process.env.PATH,
          AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
          AWS_REGION: 'ap-south-1',
          AWS_ACCESS_KEY_ID: 'AKIDFROMENV',
          AWS_SECRET_ACCESS_KEY: 'secret',
          AWS_SESSION_TOKEN: 'session',
        },
      });
      // Assess
      expect(JSON.parse(stdout)).toEqual({ pk: 'x' });
      expect(authorizations).toHaveLength(1);
      expect(authorizations[0]).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDFROMENV\//);
    } finally {
      server.close();
    }
  }, 60_000);
});
