/**
 * The edge shield of a stage: the AWS WAF web ACL in front of the site distribution, which also serves the API
 * (infra/constructs/web-site.ts). An HTTP API cannot take a web ACL, and a CloudFront web ACL (scope CLOUDFRONT)
 * must live in us-east-1, so this stack deploys there whatever the stage's region; the stateless stack reads the
 * ACL's ARN through CDK's cross-region references. Decisions: docs/reliability.md, "WAF".
 */
import { ArnFormat, Stack, type StackProps } from 'aws-cdk-lib';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { StageConfig } from '../stages.ts';

/** CloudFront web ACLs exist only in us-east-1. */
export const EDGE_REGION = 'us-east-1';

/** The citizen routes a flood aims at (filing, tracking, feedback, evidence): the tight per-IP rule. */
export const PUBLIC_ROUTE_PREFIX = '/complaints';
/** Meta's deliveries: no per-IP rule (a few Meta addresses carry every citizen's messages). */
export const WEBHOOK_PATH = '/webhook';

/**
 * AWS managed rule groups, in order. Common rules with the body-size rule counting only: WhatsApp batches and
 * long complaint descriptions exceed its 8 KB, and API Gateway and our schemas bound every body already.
 */
export const MANAGED_RULE_GROUPS = [
  { name: 'AWSManagedRulesAmazonIpReputationList', countOnly: [] },
  { name: 'AWSManagedRulesCommonRuleSet', countOnly: ['SizeRestrictions_BODY'] },
  { name: 'AWSManagedRulesKnownBadInputsRuleSet', countOnly: [] },
] as const;

export interface EdgeStackProps extends StackProps {
  readonly stage: StageConfig;
}

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
  metricName,
});

const pathStatement = (
  path: string,
  positionalConstraint: 'EXACTLY' | 'STARTS_WITH',
): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    searchString: path,
    fieldToMatch: { uriPath: {} },
    positionalConstraint,
    textTransformations: [{ priority: 0, type: 'NONE' }],
  },
});

export class EdgeStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const prefix = `rabta-${stage.name}`;
    const tooMany = { block: { customResponse: { responseCode: 429 } } };

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `${prefix}-edge`,
      description: `Rabta ${stage.name}: per-IP rate limits and AWS managed rules for the site and the API`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`${prefix}-edge`),
      rules: [
        {
          name: 'PublicRoutesPerIp',
          priority: 0,
          action: tooMany,
          statement: {
            rateBasedStatement: {
              limit: stage.waf.publicRoutesPerIp,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              scopeDownStatement: pathStatement(PUBLIC_ROUTE_PREFIX, 'STARTS_WITH'),
            },
          },
          visibilityConfig: visibility(`${prefix}-public-routes-per-ip`),
        },
        {
          name: 'AllButWebhookPerIp',
          priority: 1,
          action: tooMany,
          statement: {
            rateBasedStatement: {
              limit: stage.waf.allRoutesPerIp,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              scopeDownStatement: { notStatement: { statement: pathStatement(WEBHOOK_PATH, 'EXACTLY') } },
            },
          },
          visibilityConfig: visibility(`${prefix}-all-but-webhook-per-ip`),
        },
        ...MANAGED_RULE_GROUPS.map((group, index) => ({
          name: group.name,
          priority: 2 + index,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: group.name,
              ...(group.countOnly.length > 0 && {
                ruleActionOverrides: group.countOnly.map((rule) => ({
                  name: rule,
                  actionToUse: { count: {} },
                })),
              }),
            },
          },
          visibilityConfig: visibility(`${prefix}-${group.name}`),
        })),
      ],
    });

    // WAF logs to a log group whose name starts with `aws-waf-logs-`; the officers' tokens are redacted.
    const logGroupName = `aws-waf-logs-${prefix}`;
    const logs = new LogGroup(this, 'WafLogs', {
      logGroupName,
      retention: stage.logRetention,
      removalPolicy: stage.removalPolicy,
    });
    const logging = new CfnLoggingConfiguration(this, 'WafLogging', {
      resourceArn: this.webAcl.attrArn,
      // WAF wants the log group's ARN without the `:*` suffix CloudFormation's Arn attribute carries.
      logDestinationConfigs: [
        this.formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      redactedFields: [{ singleHeader: { Name: 'authorization' } }],
    });
    logging.node.addDependency(logs);
  }
}
