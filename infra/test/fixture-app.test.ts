import { beforeAll, describe } from 'vitest';
import { type BuiltApp, buildApp, fixturesRoot } from './build-app.ts';
import { manifestChecks } from './manifest-checks.ts';

/** Fixture services that use every manifest feature, with Cognito URLs overridden by context. */
describe('the CDK app of the fixture manifests', () => {
  let built: BuiltApp;
  beforeAll(async () => {
    built = await buildApp(fixturesRoot, {
      archiveRetentionDays: '30',
      callbackUrls: 'https://tickets.example.test/callback,https://example.test/callback',
    });
  }, 120_000);
  manifestChecks(() => built);
});
