/**
 * The web front end in a stage (docs/web.md "Deploy"): the Vite build (web/dist) in a private S3 bucket behind
 * CloudFront with origin access control, HTTPS only and the site's security headers (infra/site-headers.ts, the
 * same the local gateway sends); the Cognito managed-login domain and an OAuth client (authorization code + PKCE)
 * for the officer console; and `config.json`, written by the stack, telling the one build its API URL and
 * Cognito ids.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { ORIGIN_VERIFY_HEADER } from '../../shared/adapters/http/middleware.ts';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { OAuthScope, UserPoolClient, UserPoolDomain, type IUserPool } from 'aws-cdk-lib/aws-cognito';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  ObjectOwnership,
  type CfnBucket,
} from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { contentSecurityPolicy, HSTS_MAX_AGE_SECONDS } from '../site-headers.ts';
import { officerClientAttributes } from '../stacks/stateful-stack.ts';
import type { StageConfig } from '../stages.ts';

/** How cdk-nag writes an environment value in a finding: itself when known, else the pseudo parameter. */
const known = (value: string, pseudo: string): string =>
  Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value;

export const WEB_DIST = resolve(import.meta.dirname, '../../web/dist');

export interface WebSiteProps {
  readonly stage: StageConfig;
  readonly userPool: IUserPool;
  /** The police WhatsApp number (international digits) for the receipt's wa.me link; optional. */
  readonly whatsappNumber?: string;
  /**
   * ARN of the CLOUDFRONT-scope web ACL (infra/stacks/edge-stack.ts, us-east-1) guarding site and API; absent
   * only when the app is synthesized without a region (no cross-region reference possible), never in a deploy.
   */
  readonly webAclArn?: string;
}

export class WebSite extends Construct {
  readonly distribution: Distribution;
  readonly siteOrigin: string;
  readonly consoleClient: UserPoolClient;
  readonly loginDomain: UserPoolDomain;
  private readonly bucket: Bucket;
  private readonly props: WebSiteProps;

  constructor(scope: Construct, id: string, props: WebSiteProps) {
    super(scope, id);
    this.props = props;
    const { stage } = props;
    const region = Stack.of(this).region;

    const logs = new Bucket(this, 'Logs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: stage.removalPolicy,
      autoDeleteObjects: stage.removalPolicy === RemovalPolicy.DESTROY,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the access-log bucket of the site bucket and the distribution; logs of logs add nothing',
    });

    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site-bucket/',
      removalPolicy: stage.removalPolicy,
      autoDeleteObjects: stage.removalPolicy === RemovalPolicy.DESTROY,
    });

    // Created here, not through userPool.add…(), so they live in this stack beside the distribution they name.
    this.loginDomain = new UserPoolDomain(this, 'OfficerLogin', {
      userPool: props.userPool,
      // Managed login (hosted UI) at https://<prefix>.auth.<region>.amazoncognito.com; the account id keeps it unique.
      cognitoDomain: { domainPrefix: `rabta-${stage.name}-${Aws.ACCOUNT_ID}` },
    });
    const loginOrigin = `https://rabta-${stage.name}-${Aws.ACCOUNT_ID}.auth.${region}.amazoncognito.com`;

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: `rabta-${stage.name} site: strict CSP, HSTS, no framing`,
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          // The API is served by this distribution ('self', serveApi); beside it the login domain, and this
          // region's S3 hosts, where the portal posts evidence with the API's presigned POST.
          contentSecurityPolicy: contentSecurityPolicy({
            connect: [`https://*.s3.${region}.amazonaws.com`, loginOrigin],
          }),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
    });

    // `/console` → `/console/`, and a folder URL → its index.html (S3 has no directory index behind OAC).
    const indexes = new CloudFrontFunction(this, 'FolderIndex', {
      comment: 'Folder URLs to index.html',
      code: FunctionCode.fromInline(
        `function handler(event) {
  var request = event.request;
  if (request.uri === '/console') {
    return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: '/console/' } } };
  }
  if (request.uri.endsWith('/')) request.uri += 'index.html';
  return request;
}`,
      ),
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `rabta-${stage.name} citizen portal, officer console and API`,
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_200,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
        functionAssociations: [{ function: indexes, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Citizens abroad (overseas Pakistanis) must reach the portal: no geo restriction',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The default CloudFront certificate cannot pin TLS 1.2; set minimumProtocolVersion TLS_V1_2_2021 when a custom domain and certificate are attached (docs/web.md)',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'CloudFront standard logs need bucket ACLs (cfn-lint W3045, S3 discourages them); the site is static and public, the S3 origin has server access logs and the API its own access log',
      },
    );
    if (!props.webAclArn) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'Synthesized without a region, the edge web ACL (us-east-1) cannot be referenced; every deploy has one (infra/app.ts)',
      });
    }
    this.siteOrigin = `https://${this.distribution.distributionDomainName}`;

    this.consoleClient = new UserPoolClient(this, 'OfficerConsoleWeb', {
      userPool: props.userPool,
      userPoolClientName: `rabta-${stage.name}-officer-console-web`,
      // A browser cannot keep a secret: a public client with PKCE (the console always sends S256).
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PHONE, OAuthScope.PROFILE],
        callbackUrls: [`${this.siteOrigin}/console/`],
        logoutUrls: [`${this.siteOrigin}/console/`],
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      ...officerClientAttributes(),
    });

    new CfnOutput(this, 'SiteUrl', { value: `${this.siteOrigin}/` });
    new CfnOutput(this, 'ConsoleUrl', { value: `${this.siteOrigin}/console/` });
    new CfnOutput(this, 'OfficerLoginDomain', { value: loginOrigin });
  }

  /**
   * Serves the API from this distribution under the API's path patterns, so portal, console and API share one
   * origin (no CORS) and one web ACL. Nothing is cached, every viewer header but Host goes through (API Gateway
   * routes on its own host name), and the WhatsApp webhook reaches the API the same way (docs/reliability.md).
   */
  serveApi(api: IHttpApi, pathPatterns: readonly string[], originVerifyToken: string): void {
    const stack = Stack.of(this);
    const origin = new HttpOrigin(`${api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      // The API refuses requests without it (shared/adapters/http/middleware.ts, originVerify).
      customHeaders: { [ORIGIN_VERIFY_HEADER]: originVerifyToken },
    });
    for (const pattern of pathPatterns) {
      this.distribution.addBehavior(pattern, origin, {
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        compress: true,
      });
    }
  }

  /** Uploads the build and the stage's config.json (needs the API URL, so the stack calls it once the API exists). */
  deploy(apiUrl: string): void {
    if (!existsSync(resolve(WEB_DIST, 'index.html'))) {
      throw new Error(
        `The web build is missing (${WEB_DIST}): run \`npm run build:web\` before synth or deploy`,
      );
    }
    const region = Stack.of(this).region;
    const config = {
      apiUrl,
      stage: this.props.stage.name,
      ...(this.props.whatsappNumber ? { whatsappNumber: this.props.whatsappNumber } : {}),
      auth: {
        kind: 'cognito',
        domain: `https://${this.loginDomain.domainName}.auth.${region}.amazoncognito.com`,
        clientId: this.consoleClient.userPoolClientId,
      },
    };
    const deployment = new BucketDeployment(this, 'Deploy', {
      sources: [Source.asset(WEB_DIST), Source.jsonData('config.json', config)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/console/*', '/config.json'],
      cacheControl: [CacheControl.fromString('no-cache')],
      prune: true,
      memoryLimit: 512,
    });
    // The copy runs in aws-cdk-lib's provider function, a singleton of the stack (not a child of `deployment`).
    const stack = Stack.of(this);
    const siteBucket = stack.getLogicalId(this.bucket.node.defaultChild as CfnBucket);
    const providers = stack.node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    for (const provider of providers) {
      Validations.of(provider).acknowledge(
        {
          id: 'AwsSolutions-L1',
          reason: 'The BucketDeployment provider function and its runtime are managed by aws-cdk-lib',
        },
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason:
            'The BucketDeployment provider logs through the AWS managed basic execution policy (aws-cdk-lib)',
        },
        ...[
          'Action::s3:GetBucket*',
          'Action::s3:GetObject*',
          'Action::s3:List*',
          'Action::s3:Abort*',
          'Action::s3:DeleteObject*',
          // The bootstrap asset bucket: named with the account and region when the stack has them.
          `Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${known(stack.account, 'AccountId')}-${known(stack.region, 'Region')}/*`,
          `Resource::<${siteBucket}.Arn>/*`,
          'Resource::*',
        ].map((finding) => ({
          id: `AwsSolutions-IAM5[${finding}]`,
          reason:
            'BucketDeployment copies every object of the build asset into the site bucket (object wildcards) and invalidates the distribution (CloudFront CreateInvalidation has no resource-level scoping here)',
        })),
      );
    }
    void deployment;
  }
}
