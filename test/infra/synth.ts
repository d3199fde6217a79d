/**
 * Synthesizes the real Rabta app (the same buildRabta infra/app.ts calls) into a temporary folder, once per
 * test file and stage. Bundling is skipped through the documented `aws:cdk:bundling-stacks` context (an
 * empty list bundles no stack), so tests stay fast; `npm run synth` bundles every entry for real.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { PROJECT_ROOT } from '../../infra/constructs/app-function.ts';
import { buildRabta, type RabtaStacks } from '../../infra/stacks/rabta.ts';
import { STAGES, type StageName } from '../../infra/stages.ts';

export interface Synthesized {
  readonly outdir: string;
  readonly stacks: RabtaStacks;
  readonly assembly: CloudAssembly;
  readonly stateful: Template;
  readonly stateless: Template;
  /** The edge stack (web ACL, us-east-1): only when synthesized for a region (`DEPLOY_ENV`). */
  readonly edge?: Template;
  /** Findings of the validation plugins (cdk-nag) that no acknowledgment covers. */
  readonly unacknowledgedFindings: readonly { rule: string; severity: string; paths: string[] }[];
  readonly templateFiles: readonly string[];
  cleanup(): void;
}

interface ValidationReport {
  pluginReports: {
    pluginName: string;
    violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

const cdkJsonContext = (): Record<string, unknown> =>
  (
    JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as {
      context: Record<string, unknown>;
    }
  ).context;

/** An account and region as the CLI sets them for a deploy: the stacks as they ship, edge stack included. */
export const DEPLOY_ENV = { account: '111111111111', region: 'ap-south-1' } as const;

export const synthesize = (
  stage: StageName,
  env?: { readonly account: string; readonly region: string },
): Synthesized => {
  const outdir = mkdtempSync(path.join(tmpdir(), `rabta-cdk-${stage}-`));
  // The CLI's context (cdk.json) plus no bundling: the same app `cdk synth` builds, minus esbuild runs.
  const app = new App({ outdir, context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } });
  const stacks = buildRabta(app, { stage: STAGES[stage], ...(env ? { env } : {}) });
  let assembly: CloudAssembly;
  try {
    assembly = app.synth();
  } catch (error) {
    // Policy validation (cdk-nag) throws with the full report; surface it as the test failure.
    rmSync(outdir, { recursive: true, force: true });
    throw error;
  }
  const report = JSON.parse(
    readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'),
  ) as ValidationReport;
  const unacknowledgedFindings = report.pluginReports.flatMap((plugin) =>
    plugin.violations.map((v) => ({
      rule: v.ruleName,
      severity: v.severity,
      paths: v.violatingConstructs.map((c) => c.constructPath),
    })),
  );
  return {
    outdir,
    stacks,
    assembly,
    stateful: Template.fromStack(stacks.stateful),
    stateless: Template.fromStack(stacks.stateless),
    ...(stacks.edge ? { edge: Template.fromStack(stacks.edge) } : {}),
    unacknowledgedFindings,
    templateFiles: assembly.stacks.map((s) => path.join(outdir, s.templateFile)),
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
};

/** CDK's own provider functions (site upload, bucket auto-delete, cross-region exports): not in the topology. */
const CDK_PROVIDER_FUNCTION = /^Custom(CDKBucketDeployment|S3AutoDeleteObjects|CrossRegionExport)/;

/** The Lambda functions the topology declares, without CDK's own provider functions. */
export const appFunctions = (template: Template): Record<string, { Properties: Record<string, unknown> }> =>
  Object.fromEntries(
    Object.entries(template.findResources('AWS::Lambda::Function')).filter(
      ([id]) => !CDK_PROVIDER_FUNCTION.test(id),
    ),
  ) as Record<string, { Properties: Record<string, unknown> }>;
