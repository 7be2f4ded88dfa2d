import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltApp, buildApp, repoRoot } from '../build-app.ts';
import { type Json, one, refId, resources } from '../template-queries.ts';

const ZONE = 'Z0KEEPTABS0APP';

/** prod taking keeptabs.app in eu-west-1; dev beside a live setup that keeps the identity. */
let live: BuiltApp;
let beside: BuiltApp;
beforeAll(async () => {
  [live, beside] = await Promise.all([
    buildApp(repoRoot, {
      stage: 'prod',
      region: 'eu-west-1',
      hostedZoneId: ZONE,
      'aws:cdk:bundling-stacks': [],
    }),
    buildApp(repoRoot, {
      stage: 'dev',
      region: 'eu-central-1',
      takeNames: 'false',
      'aws:cdk:bundling-stacks': [],
    }),
  ]);
}, 180_000);

const emailTemplate = (b: BuiltApp) => Template.fromStack(b.stacks.email);
const records = (t: Template, type: string) =>
  resources(t, 'AWS::Route53::RecordSet').filter(([, p]) => p.Type === type);

describe('the SES identity', () => {
  it('is the domain, with Easy DKIM, its three CNAMEs in the hosted zone, and the configuration set', () => {
    const t = emailTemplate(live);
    const [, identity] = one(resources(t, 'AWS::SES::EmailIdentity'), 'identity');
    expect(identity.EmailIdentity).toBe('keeptabs.app');
    const [setId, set] = one(resources(t, 'AWS::SES::ConfigurationSet'), 'configuration set');
    expect(set.Name).toBe('mytabs-prod');
    expect(identity.ConfigurationSetAttributes).toEqual({ ConfigurationSetName: { Ref: setId } });
    expect(identity.DkimAttributes?.SigningEnabled).not.toBe(false);
    const dkim = records(t, 'CNAME');
    expect(dkim).toHaveLength(3);
    for (const [, record] of dkim) expect(record.HostedZoneId).toBe(ZONE);
  });

  it('sends from mail.keeptabs.app: its MX to SES in the region and its SPF record', () => {
    const t = emailTemplate(live);
    const [, identity] = one(resources(t, 'AWS::SES::EmailIdentity'), 'identity');
    expect(identity.MailFromAttributes).toEqual({
      MailFromDomain: 'mail.keeptabs.app',
      BehaviorOnMxFailure: 'REJECT_MESSAGE',
    });
    const [, mx] = one(records(t, 'MX'), 'MX record');
    expect(mx).toMatchObject({
      Name: 'mail.keeptabs.app.',
      HostedZoneId: ZONE,
      ResourceRecords: ['10 feedback-smtp.eu-west-1.amazonses.com'],
    });
    const [, spf] = one(records(t, 'TXT'), 'TXT record');
    expect(spf).toMatchObject({
      Name: 'mail.keeptabs.app.',
      ResourceRecords: ['"v=spf1 include:amazonses.com ~all"'],
    });
  });

  it('stays the live setup’s beside it (takeNames=false): only the configuration set is made', () => {
    const t = emailTemplate(beside);
    expect(resources(t, 'AWS::SES::EmailIdentity')).toEqual([]);
    expect(resources(t, 'AWS::Route53::RecordSet')).toEqual([]);
    expect(one(resources(t, 'AWS::SES::ConfigurationSet'), 'set')[1].Name).toBe('mytabs-dev');
  });
});

describe('the configuration set', () => {
  it('counts reputation, and publishes bounces and complaints to the default bus', () => {
    const t = emailTemplate(live);
    const [, set] = one(resources(t, 'AWS::SES::ConfigurationSet'), 'configuration set');
    expect(set).toMatchObject({
      Name: 'mytabs-prod',
      ReputationOptions: { ReputationMetricsEnabled: true },
    });
    const [, destination] = one(
      resources(t, 'AWS::SES::ConfigurationSetEventDestination'),
      'event destination',
    );
    expect(destination.ConfigurationSetName).toEqual({ Ref: expect.any(String) });
    expect(destination.EventDestination).toMatchObject({
      Name: 'mytabs-prod-events',
      Enabled: true,
      MatchingEventTypes: ['bounce', 'complaint'],
    });
    expect(JSON.stringify(destination.EventDestination.EventBridgeDestination.EventBusArn)).toMatch(
      /:event-bus\/default"/,
    );
  });

  it('is named by every sending function (their grants: manifest-checks)', () => {
    for (const fn of live.stacks.plan.functions.filter((f) => f.grants.email)) {
      expect(fn.environment.EMAIL_CONFIGURATION_SET, fn.ref).toBe('mytabs-prod');
    }
  });
});

describe("SES's events on the default bus", () => {
  it('reach notifications.translateSesEvents through a rule there, with its dead-letter queue', () => {
    const t = live.serviceTemplate('notifications');
    const [, rule] = one(
      resources(t, 'AWS::Events::Rule').filter(
        ([, p]) => p.Name === 'mytabs-prod-notifications-translateSesEvents-ses',
      ),
      'SES rule',
    );
    expect(rule.EventBusName).toBeUndefined();
    expect(rule.EventPattern).toEqual({
      source: ['aws.ses'],
      'detail-type': ['Email Bounced', 'Email Complaint Received'],
    });
    const [target] = rule.Targets as Json[];
    expect(target.Id).toBe('mytabs-prod-notifications-translateSesEvents');
    const functionId = refId(target.Arn) ?? '';
    expect(t.toJSON().Resources[functionId].Properties.FunctionName).toBe(
      'mytabs-prod-notifications-translateSesEvents',
    );
    const queueId = refId(target.DeadLetterConfig.Arn) ?? '';
    expect(t.toJSON().Resources[queueId].Properties.QueueName).toBe(
      'mytabs-prod-notifications-translateSesEvents-dlq',
    );
  });
});

describe('sign-in', () => {
  it("sends Cognito's codes from noreply@ through our identity and configuration set", () => {
    const t = live.serviceTemplate('identity');
    const [, pool] = one(resources(t, 'AWS::Cognito::UserPool'), 'user pool');
    expect(pool.EmailConfiguration).toMatchObject({
      EmailSendingAccount: 'DEVELOPER',
      From: 'MyTabs <noreply@keeptabs.app>',
      ConfigurationSet: 'mytabs-prod',
    });
    expect(JSON.stringify(pool.EmailConfiguration.SourceArn)).toMatch(
      /:ses:eu-west-1:.*:identity\/keeptabs\.app"/,
    );
  });

  it('has a hosted UI on its prefix domain, and the clients their callback and sign-out URLs', () => {
    const t = live.serviceTemplate('identity');
    const [poolId] = one(resources(t, 'AWS::Cognito::UserPool'), 'user pool');
    const [, domain] = one(resources(t, 'AWS::Cognito::UserPoolDomain'), 'domain');
    expect(domain).toEqual({ Domain: 'mytabs-prod', UserPoolId: { Ref: poolId } });
    const oAuthClients = live.stacks.plan.userPool?.spec.clients.filter((c) => c.oAuth) ?? [];
    expect(oAuthClients.length).toBeGreaterThan(0);
    for (const client of oAuthClients) {
      const [, deployed] = one(
        resources(t, 'AWS::Cognito::UserPoolClient').filter(
          ([, p]) => p.ClientName === client.name,
        ),
        `client ${client.name}`,
      );
      expect(deployed.CallbackURLs).toEqual(client.oAuth?.callbackUrls);
      expect(deployed.LogoutURLs).toEqual(client.oAuth?.logoutUrls);
      expect(deployed.AllowedOAuthFlows).toContain('code');
    }
  });
});
