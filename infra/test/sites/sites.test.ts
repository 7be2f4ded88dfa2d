import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteDistribution } from '../../src/sites/site-distribution.ts';
import { type BuiltApp, buildApp, repoRoot } from '../build-app.ts';
import { type Json, one, resources } from '../template-queries.ts';
import { renderer, routeThrough } from './cloudfront-router.ts';

const ZONE = 'Z0KEEPTABS0APP';
const HOUR = 3600;
const YEAR = 365 * 24 * HOUR;
const PATHS = [
  '/',
  '/events/123',
  '/static/js/app.js',
  '/api/events',
  '/payments/webhook',
  '/favicon.ico',
  '/checkout/complete?x=1',
] as const;

/** The sites as they take keeptabs.app over, in eu-west-1 (CloudFront's part in us-east-1). */
let live: BuiltApp;
/** dev beside a live setup that keeps the names, in eu-central-1, with no hosted zone id given. */
let beside: BuiltApp;
beforeAll(async () => {
  const build = mkdtempSync(join(tmpdir(), 'mytabs-web-build-'));
  writeFileSync(join(build, 'index.html'), '<!doctype html><title>MyTabs</title>');
  [live, beside] = await Promise.all([
    buildApp(repoRoot, {
      stage: 'prod',
      region: 'eu-west-1',
      hostedZoneId: ZONE,
      siteBuilds: JSON.stringify({ web: build }),
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

const byName = (a: Json, b: Json) => JSON.stringify(a).localeCompare(JSON.stringify(b));
const sitesOf = (b: BuiltApp) => {
  const stack = b.stacks.sites;
  if (!stack) throw new Error('no sites stack');
  return stack;
};
const edgeOf = (b: BuiltApp) => {
  const stack = b.stacks.edge;
  if (!stack) throw new Error('no edge stack');
  return stack;
};
const logicalId = (stack: Stack, construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as CfnElement);
const siteNamed = (b: BuiltApp, key: string) =>
  one(
    sitesOf(b).sites.filter((s) => s.node.id === `Site-${key}`),
    `site ${key}`,
  );
const distributionOf = (b: BuiltApp, site: SiteDistribution): Json =>
  Template.fromStack(sitesOf(b)).toJSON().Resources[logicalId(sitesOf(b), site.distribution)]
    .Properties.DistributionConfig;

it.each([
  ['taking the names', () => live],
  ['beside the live setup', () => beside],
])('synthesizes %s with no unacknowledged cdk-nag finding', (_, built) => {
  const dir = built().app.synth().directory;
  const report = JSON.parse(readFileSync(join(dir, 'validation-report.json'), 'utf8'));
  // cdk-nag's report lists a plugin only when it found something (a finding also fails the synth).
  expect(report.pluginReports).toEqual([]);
});

describe('the sites of keeptabs.app (prod, eu-west-1)', () => {
  const bucket = (key: string) =>
    `https://<${logicalId(sitesOf(live), siteNamed(live, key).bucket)}.RegionalDomainName>`;
  const api = 'https://<api id>.execute-api.eu-west-1.amazonaws.com/prod';
  const page = (key: string, ttl = HOUR) => ({
    behaviour: 'default',
    url: `${bucket(key)}/index.html`,
    ttl,
  });
  const file = (key: string, path: string, behaviour = 'default', ttl = HOUR) => ({
    behaviour,
    url: `${bucket(key)}${path}`,
    ttl,
  });
  const toApi = (behaviour: string, path: string) => ({ behaviour, url: `${api}${path}`, ttl: 0 });

  /** What each site does with each path, built once the app is. */
  const expected = (): Record<string, Record<(typeof PATHS)[number], object>> => ({
    web: {
      '/': page('web'),
      // On the apex this is a page of the web app, not the API.
      '/events/123': page('web'),
      '/static/js/app.js': file('web', '/static/js/app.js', '/static/*', YEAR),
      '/api/events': toApi('/api/*', '/events'),
      '/payments/webhook': page('web'),
      '/favicon.ico': file('web', '/favicon.ico'),
      '/checkout/complete?x=1': { ...page('web'), query: 'x=1' },
    },
    ticket: {
      '/': page('ticket'),
      '/events/123': toApi('/events/*', '/events/123'),
      '/static/js/app.js': file('ticket', '/static/js/app.js'),
      '/api/events': toApi('/api/*', '/events'),
      '/payments/webhook': toApi('/payments/*', '/payments/webhook'),
      '/favicon.ico': file('ticket', '/favicon.ico'),
      '/checkout/complete?x=1': { ...page('ticket'), query: 'x=1' },
    },
    admin: {
      '/': page('admin'),
      '/events/123': page('admin'),
      '/static/js/app.js': file('admin', '/static/js/app.js'),
      '/api/events': toApi('/api/*', '/events'),
      '/payments/webhook': page('admin'),
      '/favicon.ico': file('admin', '/favicon.ico'),
      '/checkout/complete?x=1': { ...page('admin'), query: 'x=1' },
    },
  });

  describe.each([
    ['web', 'keeptabs.app'],
    ['ticket', 'ticket.keeptabs.app'],
    ['admin', 'admin.keeptabs.app'],
  ])('%s at %s', (key, host) => {
    it.each(PATHS)('GET %s reaches the right origin, path and cache time', (path) => {
      const site = siteNamed(live, key);
      const route = routeThrough(
        live.app.synth(),
        sitesOf(live).stackName,
        logicalId(sitesOf(live), site.distribution),
      );
      expect(route(path, host)).toEqual({ query: '', ...expected()[key]?.[path] });
    });

    it('serves its name over HTTP/2 and 3, IPv6, TLS 1.2, compressed, logged, behind the web ACL', () => {
      const config = distributionOf(live, siteNamed(live, key));
      expect(config).toMatchObject({
        Aliases: [host],
        HttpVersion: 'http2and3',
        IPV6Enabled: true,
        ViewerCertificate: { MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
        Logging: { Prefix: `cloudfront/${key}/` },
      });
      // The API's own 403 and 404 must reach the client: no error document rewrites them.
      expect(config.CustomErrorResponses).toBeUndefined();
      const rendered = JSON.stringify(config);
      expect(rendered).toContain('"StackName":"MyTabs-Prod-Edge","Region":"us-east-1"');
      for (const b of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
        expect(b, b.PathPattern).toMatchObject({
          Compress: true,
          ViewerProtocolPolicy: 'redirect-to-https',
          ResponseHeadersPolicyId: { Ref: expect.stringMatching(/^DeliverySecurityHeaders/) },
        });
      }
    });
  });

  it('rewrites to index.html on the default behaviour only, and strips /api on /api/* only', () => {
    const t = Template.fromStack(sitesOf(live));
    const functions = resources(t, 'AWS::CloudFront::Function');
    const idOf = (file: RegExp) =>
      one(
        functions.filter(([, f]) => file.test(f.FunctionCode)),
        String(file),
      )[0];
    const spa = idOf(/index\.html/);
    const strip = idOf(/'\/api'/);
    for (const [, f] of functions) {
      expect(f.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
      expect(f.AutoPublish).toBe(true);
    }
    const functionsOn = (b: Json) =>
      (b.FunctionAssociations ?? []).map((a: Json) => a.FunctionARN['Fn::GetAtt'][0]);
    for (const site of sitesOf(live).sites) {
      const config = distributionOf(live, site);
      expect(functionsOn(config.DefaultCacheBehavior)).toEqual([spa]);
      for (const b of config.CacheBehaviors) {
        expect(functionsOn(b), `${site.node.id} ${b.PathPattern}`).toEqual(
          b.PathPattern === '/api/*' ? [strip] : [],
        );
      }
    }
  });

  it('sends the API paths to the API uncached with every header but Host, and caches the rest', () => {
    for (const site of sitesOf(live).sites) {
      const config = distributionOf(live, site);
      const origins = new Map<string, Json>(config.Origins.map((o: Json) => [o.Id, o]));
      for (const b of config.CacheBehaviors) {
        const origin = origins.get(b.TargetOriginId);
        if (origin.CustomOriginConfig) {
          expect(b).toMatchObject({
            AllowedMethods: expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
            CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // CachingDisabled
            OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // AllViewerExceptHostHeader
          });
          expect(origin.CustomOriginConfig).toMatchObject({
            OriginProtocolPolicy: 'https-only',
            OriginSSLProtocols: ['TLSv1.2'],
          });
        } else {
          expect(b.OriginRequestPolicyId).toBeUndefined();
        }
      }
    }
  });

  it('keeps each site in a private, versioned, encrypted, TLS-only bucket only its distribution reads', () => {
    const t = Template.fromStack(sitesOf(live));
    const all = t.toJSON().Resources;
    const logsId = one(
      // Every bucket lets old versions go; only the log bucket expires its objects.
      resources(t, 'AWS::S3::Bucket').filter(([, b]) =>
        b.LifecycleConfiguration?.Rules.some(
          (r: { ExpirationInDays?: number }) => r.ExpirationInDays,
        ),
      ),
      'log bucket',
    )[0];
    for (const site of sitesOf(live).sites) {
      const bucketId = logicalId(sitesOf(live), site.bucket);
      const bucket = all[bucketId];
      expect(bucket.DeletionPolicy).toBe('Retain');
      expect(bucket.Properties).toMatchObject({
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
          ],
        },
        LoggingConfiguration: { DestinationBucketName: { Ref: logsId } },
      });
      expect(bucket.Properties.WebsiteConfiguration).toBeUndefined();

      const config = distributionOf(live, site);
      const s3Origins = config.Origins.filter((o: Json) => o.S3OriginConfig);
      const [origin] = s3Origins;
      expect(s3Origins).toHaveLength(1);
      expect(origin.DomainName).toEqual({ 'Fn::GetAtt': [bucketId, 'RegionalDomainName'] });
      expect(origin.S3OriginConfig.OriginAccessIdentity).toBe('');
      const oac = all[origin.OriginAccessControlId['Fn::GetAtt'][0]];
      expect(oac.Properties.OriginAccessControlConfig).toMatchObject({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      });

      const [, policy] = one(
        resources(t, 'AWS::S3::BucketPolicy').filter(([, p]) => p.Bucket.Ref === bucketId),
        `policy of ${bucketId}`,
      );
      const statements: Json[] = policy.PolicyDocument.Statement;
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
      const reads = statements.filter((s) => s.Effect === 'Allow');
      expect(reads).toHaveLength(1);
      expect(reads[0]).toMatchObject({
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
      });
      expect(JSON.stringify(reads[0].Condition)).toContain(
        logicalId(sitesOf(live), site.distribution),
      );
    }
    const logs = all[logsId];
    expect(logs.Properties.LifecycleConfiguration.Rules[0]).toMatchObject({
      ExpirationInDays: 365,
      Status: 'Enabled',
    });
    expect(logs.Properties.OwnershipControls.Rules).toEqual([
      { ObjectOwnership: 'BucketOwnerPreferred' },
    ]);
  });

  it('names each bucket and distribution in the outputs, for uploads and checks by hand', () => {
    const outputs = Object.values<Json>(Template.fromStack(sitesOf(live)).toJSON().Outputs).map(
      (o) => JSON.stringify(o.Value),
    );
    for (const site of sitesOf(live).sites) {
      expect(outputs).toContain(JSON.stringify({ Ref: logicalId(sitesOf(live), site.bucket) }));
      expect(outputs).toContain(
        JSON.stringify({
          'Fn::GetAtt': [logicalId(sitesOf(live), site.distribution), 'DomainName'],
        }),
      );
    }
  });

  it('uploads a build given by context and invalidates its distribution', () => {
    const t = Template.fromStack(sitesOf(live));
    const [, deployment] = one(resources(t, 'Custom::CDKBucketDeployment'), 'site deployment');
    const web = siteNamed(live, 'web');
    expect(deployment).toMatchObject({
      DestinationBucketName: { Ref: logicalId(sitesOf(live), web.bucket) },
      DistributionId: { Ref: logicalId(sitesOf(live), web.distribution) },
      DistributionPaths: ['/*'],
      Prune: false,
    });
  });

  it('adds HSTS, nosniff and frame denial to every answer', () => {
    const [, policy] = one(
      resources(Template.fromStack(sitesOf(live)), 'AWS::CloudFront::ResponseHeadersPolicy'),
      'response headers policy',
    );
    expect(policy.ResponseHeadersPolicyConfig.SecurityHeadersConfig).toMatchObject({
      StrictTransportSecurity: {
        AccessControlMaxAgeSec: YEAR,
        IncludeSubdomains: true,
        Override: true,
      },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
    });
  });

  it('issues the CloudFront certificate for the apex and its subdomains in us-east-1', () => {
    const edge = edgeOf(live);
    expect(edge.region).toBe('us-east-1');
    expect(sitesOf(live).region).toBe('eu-west-1');
    expect(sitesOf(live).dependencies).toEqual(
      expect.arrayContaining([edgeOf(live), live.stacks.api]),
    );
    Template.fromStack(edge).hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'keeptabs.app',
      SubjectAlternativeNames: ['*.keeptabs.app'],
      ValidationMethod: 'DNS',
      // One DNS record validates the apex and its wildcard alike.
      DomainValidationOptions: [{ DomainName: 'keeptabs.app', HostedZoneId: ZONE }],
    });
  });

  it('puts a CLOUDFRONT web ACL in us-east-1 on every distribution', () => {
    const t = Template.fromStack(edgeOf(live));
    const [aclId, acl] = one(resources(t, 'AWS::WAFv2::WebACL'), 'web ACL');
    expect(acl).toMatchObject({ Name: 'mytabs-prod-sites', Scope: 'CLOUDFRONT' });
    expect(acl.Rules.map((r: Json) => r.Statement.ManagedRuleGroupStatement?.Name)).toEqual(
      expect.arrayContaining(['AWSManagedRulesCommonRuleSet']),
    );
    expect(acl.Rules.some((r: Json) => r.Statement.RateBasedStatement?.Limit > 0)).toBe(true);
    const outputs = t.toJSON().Outputs;
    for (const site of sitesOf(live).sites) {
      const { WebACLId } = distributionOf(live, site);
      expect(WebACLId['Fn::GetStackOutput']).toMatchObject({
        StackName: edgeOf(live).stackName,
        Region: 'us-east-1',
      });
      expect(outputs[WebACLId['Fn::GetStackOutput'].OutputName].Value).toEqual({
        'Fn::GetAtt': [aclId, 'Arn'],
      });
    }
  });

  it('gives the API its name with a regional certificate and one base path mapping to its stage', () => {
    const t = Template.fromStack(sitesOf(live));
    const [certId, cert] = one(
      resources(t, 'AWS::CertificateManager::Certificate'),
      'regional certificate',
    );
    expect(cert).toMatchObject({
      DomainName: 'api.keeptabs.app',
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: 'api.keeptabs.app', HostedZoneId: ZONE }],
    });
    const [domainId, domain] = one(resources(t, 'AWS::ApiGateway::DomainName'), 'API domain');
    expect(domain).toMatchObject({
      DomainName: 'api.keeptabs.app',
      EndpointConfiguration: { Types: ['REGIONAL'], IpAddressType: 'dualstack' },
      RegionalCertificateArn: { Ref: certId },
      SecurityPolicy: 'TLS_1_2',
    });
    const [, mapping] = one(resources(t, 'AWS::ApiGateway::BasePathMapping'), 'mapping');
    expect(mapping.DomainName).toEqual({ Ref: domainId });
    expect(mapping.BasePath).toBeUndefined();
    const render = (v: Json) => JSON.stringify(v);
    expect(render(mapping.RestApiId)).toContain('MyTabs-Prod-Api');
    expect(render(mapping.Stage)).toContain('DeploymentStageprod');
  });

  it('points an A and an AAAA alias record at each name', () => {
    const t = Template.fromStack(sitesOf(live));
    const render = renderer(live.app.synth());
    const records = resources(t, 'AWS::Route53::RecordSet');
    const names = [
      'keeptabs.app.',
      'ticket.keeptabs.app.',
      'admin.keeptabs.app.',
      'api.keeptabs.app.',
    ];
    expect(records.map(([, r]) => `${r.Type} ${r.Name}`).sort()).toEqual(
      names.flatMap((n) => [`A ${n}`, `AAAA ${n}`]).sort(),
    );
    for (const [, r] of records) {
      expect(r.HostedZoneId).toBe(ZONE);
      expect(r.AliasTarget, r.Name).toBeDefined();
      if (r.Name === 'api.keeptabs.app.') {
        expect(JSON.stringify(r.AliasTarget.DNSName)).toContain('RegionalDomainName');
      } else {
        // CloudFront's own hosted zone, for every alias to a distribution.
        expect(render(sitesOf(live).stackName, r.AliasTarget.HostedZoneId)).toBe('Z2FDTNDATAQYW2');
        const site = one(
          sitesOf(live).sites.filter((s) => `${s.name}.` === r.Name),
          `site of ${r.Name}`,
        );
        expect(r.AliasTarget.DNSName).toEqual({
          'Fn::GetAtt': [logicalId(sitesOf(live), site.distribution), 'DomainName'],
        });
      }
    }
  });

  it('checks each site and api.keeptabs.app/health over HTTPS from Route 53', () => {
    const all = resources(Template.fromStack(sitesOf(live)), 'AWS::Route53::HealthCheck');
    const nameTags = all.map(([, c]) =>
      c.HealthCheckTags.filter((tag: { Key: string }) => tag.Key === 'Name'),
    );
    expect(nameTags.sort(byName)).toEqual(
      ['admin', 'api', 'ticket', 'web'].map((n) => [{ Key: 'Name', Value: `mytabs-prod-${n}` }]),
    );
    const checks = all.map(([, c]) => c.HealthCheckConfig);
    expect(checks.map((c) => `${c.FullyQualifiedDomainName}${c.ResourcePath}`).sort()).toEqual([
      'admin.keeptabs.app/',
      'api.keeptabs.app/health',
      'keeptabs.app/',
      'ticket.keeptabs.app/',
    ]);
    for (const c of checks) {
      expect(c).toMatchObject({ Type: 'HTTPS', Port: 443, EnableSNI: true, FailureThreshold: 3 });
    }
  });
});

describe('beside a live setup that keeps the names (dev, eu-central-1, takeNames=false)', () => {
  it('takes no name: no alias, no record, no API domain', () => {
    const t = Template.fromStack(sitesOf(beside));
    // The API's regional certificate is issued already: moving the names waits for no validation.
    t.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'api.keeptabs.app',
    });
    for (const site of sitesOf(beside).sites) {
      const config = distributionOf(beside, site);
      expect(config.Aliases).toBeUndefined();
      expect(config.ViewerCertificate).toBeUndefined();
    }
    expect(resources(t, 'AWS::Route53::RecordSet')).toEqual([]);
    expect(resources(t, 'AWS::ApiGateway::DomainName')).toEqual([]);
  });

  it('checks the health of what answers: the cloudfront.net names and the execute-api stage', () => {
    const checks = resources(Template.fromStack(sitesOf(beside)), 'AWS::Route53::HealthCheck').map(
      ([, c]) => c.HealthCheckConfig,
    );
    const stack = sitesOf(beside);
    const fqdns = checks.map((c) => JSON.stringify(c.FullyQualifiedDomainName));
    for (const site of stack.sites) {
      expect(fqdns).toContain(
        JSON.stringify({ 'Fn::GetAtt': [logicalId(stack, site.distribution), 'DomainName'] }),
      );
    }
    const render = renderer(beside.app.synth());
    const api = one(
      checks.filter((c) => typeof c.ResourcePath !== 'string'),
      'API health check',
    );
    expect(render(stack.stackName, api)).toMatchObject({
      FullyQualifiedDomainName: '<api id>.execute-api.eu-central-1.amazonaws.com',
      ResourcePath: '/prod/health',
    });
  });

  it('asks for the hosted zone id at deploy when the context has none', () => {
    for (const stack of [edgeOf(beside), sitesOf(beside)]) {
      const t = Template.fromStack(stack).toJSON();
      expect(t.Parameters.HostedZoneId.Type).toBe('AWS::Route53::HostedZone::Id');
    }
    const [, cert] = one(
      resources(Template.fromStack(edgeOf(beside)), 'AWS::CertificateManager::Certificate'),
      'certificate',
    );
    expect(cert.DomainValidationOptions).toEqual([
      { DomainName: 'keeptabs.app', HostedZoneId: { Ref: 'HostedZoneId' } },
    ]);
  });

  it('lets a dev stack go whole, buckets included', () => {
    const t = Template.fromStack(sitesOf(beside)).toJSON();
    const buckets = Object.values<Json>(t.Resources).filter((r) => r.Type === 'AWS::S3::Bucket');
    expect(buckets).toHaveLength(4);
    for (const b of buckets) expect(b.DeletionPolicy).toBe('Delete');
  });
});
