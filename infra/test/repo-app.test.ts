import { catalog } from '@mytabs/contracts';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.ts';
import { buildMyTabs } from '../src/mytabs-app.ts';
import { type BuiltApp, buildApp, repoRoot } from './build-app.ts';
import { manifestChecks } from './manifest-checks.ts';

/**
 * Bundling every real handler is `npm run synth`'s job (and the fixtures prove bundling works);
 * here the functions get placeholder code so the suite stays fast as the services grow.
 */
describe('the CDK app of the repository manifests, stage prod', () => {
  let built: BuiltApp;
  beforeAll(async () => {
    built = await buildApp(repoRoot, { stage: 'prod', 'aws:cdk:bundling-stacks': [] });
  }, 120_000);
  manifestChecks(() => built);

  it("keeps today's Cognito names, flows, scopes and URLs", () => {
    const t = built.serviceTemplate('identity');
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolName: 'mytabs-core-user-pool-prod',
      MfaConfiguration: 'OPTIONAL',
      Policies: {
        PasswordPolicy: {
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
    });
    t.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'keeptabs-web-client',
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'profile', 'email'],
      CallbackURLs: [
        'https://keeptabs.app/callback',
        'https://keeptabs.app/login',
        'https://ticket.keeptabs.app/callback',
      ],
      LogoutURLs: ['https://keeptabs.app/login', 'https://ticket.keeptabs.app/login'],
    });
  });

  it("keeps every checkout's and fulfillment's trace: the routes an order starts from", () => {
    const rules = Template.fromStack(built.stacks.api as Stack).findResources(
      'AWS::XRay::SamplingRule',
    );
    expect(
      Object.values(rules)
        .map((r) => `${r.Properties.SamplingRule.HTTPMethod} ${r.Properties.SamplingRule.URLPath}`)
        .sort(),
    ).toEqual([
      'POST /payments/calculate-tax',
      'POST /payments/createPaymentIntent',
      'POST /payments/webhook',
    ]);
  });

  it('gives api.keeptabs.app the certificate CloudFront uses when the API is in us-east-1 too', () => {
    const sites = Template.fromStack(built.stacks.sites as Stack);
    expect(sites.findResources('AWS::CertificateManager::Certificate')).toEqual({});
    const [domain] = Object.values(sites.findResources('AWS::ApiGateway::DomainName'));
    expect(JSON.stringify(domain?.Properties.RegionalCertificateArn)).toContain(
      '"StackName":"MyTabs-Prod-Edge","Region":"us-east-1"',
    );
  });
});

describe('cdk-nag on the app', () => {
  it('fails the synth on a finding nobody acknowledged', async () => {
    const app = new App({ builtinCloudFormationValidation: false });
    buildMyTabs(app, {
      config: readConfig(() => undefined),
      services: [],
      events: catalog,
      projectRoot: repoRoot,
    });
    new Queue(new Stack(app, 'Unreviewed'), 'Queue');
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS4/);
  }, 30_000);
});
