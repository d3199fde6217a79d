/**
 * Builds a function's bundle exactly as the CDK AppFunction does (infra/bundling.ts settings), for the
 * bundle-budget test (test/infra/bundle-budget.test.ts) and the cold-start bench (bench/bundles.ts).
 * Dev-time only: esbuild is a dev dependency and the CDK app does not import this file.
 */
import { build, type Metafile } from 'esbuild';
import { BUNDLING } from './bundling.ts';

export interface FunctionBundle {
  /** Minified size in bytes, as deployed (without the source map). */
  readonly bytes: number;
  /** Bytes in the output per package (`zod`, `@smithy/core`) or per source folder (`shared/chat`). */
  readonly bySource: ReadonlyMap<string, number>;
  readonly metafile: Metafile;
}

/** `node_modules/@scope/name/...` → `@scope/name`; `shared/chat/engine.ts` → `shared/chat`. */
const sourceOf = (path: string): string => {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1] ?? path;
  return path.split('/').slice(0, 2).join('/');
};

/** Bundles `entry`; writes it to `outfile` when given (to import it), else keeps it in memory. */
export const bundleFunction = async (entry: string, outfile?: string): Promise<FunctionBundle> => {
  const result = await build({
    entryPoints: [entry],
    outfile: outfile ?? 'bundle.mjs',
    write: outfile !== undefined,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLING.target,
    charset: BUNDLING.charset,
    mainFields: BUNDLING.mainFields,
    banner: { js: BUNDLING.esmBanner },
    external: [...BUNDLING.externalModules],
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined);
  if (!output) throw new Error(`esbuild produced no bundle for ${entry}`);
  const bySource = new Map<string, number>();
  for (const [path, input] of Object.entries(output.inputs)) {
    const source = sourceOf(path);
    bySource.set(source, (bySource.get(source) ?? 0) + input.bytesInOutput);
  }
  return { bytes: output.bytes, bySource, metafile: result.metafile };
};

/** The `count` heaviest sources of a bundle, as `name 123` (KiB). */
export const heaviestSources = (bundle: FunctionBundle, count: number): string =>
  [...bundle.bySource]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([source, bytes]) => `${source} ${(bytes / 1024).toFixed(0)}`)
    .join(', ');

/**
 * The functions that read a typed phone number and so carry libphonenumber-js and our phone metadata (~70 KiB):
 * filing, tracking and the citizen's routes on a filed complaint (proof of ownership by phone), the OpenAPI
 * document (it documents those schemas), the chat worker and the force roster import. The bundle-budget test
 * fails when any other function carries it: the phone schemas live in `shared/domain/phone.ts` and
 * `complaint-input.ts` for that.
 */
export const PHONE_PARSING_FUNCTIONS: ReadonlySet<string> = new Set([
  'FileComplaint',
  'TrackComplaint',
  'ComplaintFeedback',
  'ComplaintEvidence',
  'ReferenceData',
  'WhatsAppWorker',
  'AdminForce',
]);

/**
 * Each function's bundle budget in KiB (minified, as deployed): today's size plus a few per cent. The
 * bundle-budget test fails when a bundle grows past it; lower a budget when a bundle shrinks, and raise one
 * only with the reason in docs/performance.md ("Bundle budgets"). The goal is 500 KiB for every
 * function; the floor (DynamoDB document client + one Get) is 205 KiB.
 */
export const BUNDLE_BUDGETS_KIB: Readonly<Record<string, number>> = {
  // With the district boundaries (~20 KiB) for suggesting a district from a location (docs/performance.md).
  FileComplaint: 475,
  TrackComplaint: 400,
  ComplaintFeedback: 410,
  ReferenceData: 220,
  DistrictStations: 310,
  RouteNotFound: 70,
  WhatsAppWebhook: 340,
  // 685 until its Urdu text was written as UTF-8 instead of escapes (−66 KiB, docs/performance.md).
  WhatsAppWorker: 615,
  OfficerListComplaints: 340,
  OfficerGetComplaint: 335,
  OfficerActOnComplaint: 350,
  OfficerMonitoring: 345,
  OfficerFollowUps: 345,
  OfficerAlerts: 340,
  AdminForce: 485,
  EventPublisher: 330,
  MonitoringCounters: 340,
  ReconcileCounters: 345,
  CitizenNotifier: 370,
  OfficerAlerter: 385,
  OfficerDigest: 375,
  SlaSweep: 360,
  OfficerMonitoringDetails: 345,
  // The evidence functions carry the S3 client (about 100 KiB) besides the DynamoDB one.
  ComplaintEvidence: 670,
  OfficerOpenEvidence: 500,
  EvidenceDownloader: 620,
};
