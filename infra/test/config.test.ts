import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.ts';

const from = (context: Record<string, unknown>) => readConfig((key) => context[key]);

describe('configuration from CDK context', () => {
  it('defaults to a dev stage in us-east-1 for keeptabs.app, environment-agnostic', () => {
    expect(from({})).toEqual({
      stage: 'dev',
      region: 'us-east-1',
      domainName: 'keeptabs.app',
      archiveRetentionDays: 365,
      keyVersions: {},
      takeNames: true,
      siteBuilds: {},
      monthlyBudgetUsd: 120,
    });
  });

  it('reads -c strings as the CLI passes them: numbers, comma-separated URL lists, JSON', () => {
    const config = from({
      stage: 'prod',
      account: '123456789012',
      archiveRetentionDays: '0',
      callbackUrls: 'https://a.example/cb, https://b.example/cb',
      keyVersions: '{"ticket-ed25519-key":2}',
      hostedZoneId: 'Z0123456789ABCDEFGHIJ',
      takeNames: 'false',
      siteBuilds: '{"web":"../web/build"}',
    });
    expect(config).toMatchObject({
      stage: 'prod',
      account: '123456789012',
      archiveRetentionDays: 0,
      keyVersions: { 'ticket-ed25519-key': 2 },
      hostedZoneId: 'Z0123456789ABCDEFGHIJ',
      takeNames: false,
      siteBuilds: { web: '../web/build' },
    });
    expect(config.callbackUrls).toEqual(['https://a.example/cb', 'https://b.example/cb']);
  });

  it('refuses a stage that cannot go into a name, a malformed account and a URL that is not one', () => {
    expect(() => from({ stage: 'Staging' })).toThrow(/stage/);
    expect(() => from({ stage: 'integration1' })).toThrow(/stage/);
    expect(() => from({ account: '1234' })).toThrow(/12-digit/);
    expect(() => from({ logoutUrls: 'not a url' })).toThrow(/logoutUrls/);
    expect(() => from({ keyVersions: '{"ticket-ed25519-key":0}' })).toThrow(/keyVersions/);
    expect(() => from({ keyVersions: '{ticket-ed25519-key:2' })).toThrow(/keyVersions/);
    expect(() => from({ hostedZoneId: 'keeptabs.app' })).toThrow(/hostedZoneId/);
    expect(() => from({ takeNames: 'no' })).toThrow(/takeNames/);
    expect(() => from({ siteBuilds: '{"shop":"build"}' })).toThrow(/siteBuilds/);
  });
});
