import { Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Policy, Role } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltApp, buildApp, repoRoot } from './build-app.ts';
import type { Json } from './template-queries.ts';

/** dev and prod side by side: what a first deploy of each leaves, keeps and may delete. */
const built: Record<'dev' | 'prod', BuiltApp> = {} as never;
beforeAll(async () => {
  const [dev, prod] = await Promise.all(
    (['dev', 'prod'] as const).map((stage) =>
      buildApp(repoRoot, { stage, 'aws:cdk:bundling-stacks': [] }),
    ),
  );
  Object.assign(built, { dev, prod });
}, 180_000);

/** Every stack of the stage, whatever it holds. */
const stacksOf = (b: BuiltApp): Stack[] =>
  Object.values(b.stacks).flatMap((entry) =>
    entry instanceof Stack
      ? [entry]
      : Object.values(entry as object).filter((s): s is Stack => s instanceof Stack),
  );
const resourcesOf = (b: BuiltApp) =>
  stacksOf(b).flatMap((s) =>
    Object.entries<Json>(Template.fromStack(s).toJSON().Resources).map(([id, r]) => ({
      stack: s.stackName,
      id,
      ...r,
    })),
  );
const generatedSecrets = (b: BuiltApp) =>
  b.stacks.plan.secrets.filter((s) => s.kind === 'ed25519-private-key' || s.kind === 'hmac-key');

describe.each(['dev', 'prod'] as const)('a first deploy of %s', (stage) => {
  const prod = stage === 'prod';

  it('generates our own keys at deploy, with no key material in any template', () => {
    const b = built[stage];
    const keys = resourcesOf(b).filter((r) => r.Type === 'Custom::GeneratedKey');
    expect(keys.map((k) => k.Properties.SecretName).sort()).toEqual(
      generatedSecrets(b)
        .map((s) => s.name)
        .sort(),
    );
    for (const key of keys) {
      const planned = generatedSecrets(b).find((s) => s.name === key.Properties.SecretName);
      expect(key.Properties).toMatchObject({ KeyKind: planned?.kind, KeyVersion: 1, Retain: prod });
    }
    const secrets = resourcesOf(b).filter((r) => r.Type === 'AWS::SecretsManager::Secret');
    expect(secrets.map((s) => s.Properties.Name)).not.toEqual(
      expect.arrayContaining(generatedSecrets(b).map((s) => s.name)),
    );
    for (const s of stacksOf(b)) {
      expect(JSON.stringify(Template.fromStack(s).toJSON())).not.toMatch(
        /PRIVATE KEY|whsec_|sk_live_/,
      );
    }
  });

  it(prod ? 'keeps every piece of state when a stack goes' : 'lets a dev stack go whole', () => {
    const kept = [
      'AWS::Events::EventBus',
      'AWS::Events::Archive',
      'AWS::Logs::LogGroup',
      'AWS::DynamoDB::GlobalTable',
      'AWS::Cognito::UserPool',
      'AWS::SecretsManager::Secret',
      'AWS::S3::Bucket',
    ];
    const stateful = resourcesOf(built[stage]).filter((r) => kept.includes(r.Type));
    expect(new Set(stateful.map((r) => r.Type))).toEqual(new Set(kept));
    for (const r of stateful) {
      expect(r.DeletionPolicy ?? 'Delete', `${r.stack}/${r.id}`).toBe(prod ? 'Retain' : 'Delete');
    }
  });

  it(prod ? 'protects every stack from termination' : 'leaves dev stacks deletable', () => {
    for (const s of stacksOf(built[stage])) expect(s.terminationProtection).toBe(prod);
  });

  it("logs workflows without buyers' data in prod, fully elsewhere", () => {
    for (const r of resourcesOf(built[stage]).filter(
      (r) => r.Type === 'AWS::StepFunctions::StateMachine',
    )) {
      expect(r.Properties.LoggingConfiguration).toMatchObject(
        prod
          ? { Level: 'ERROR', IncludeExecutionData: false }
          : { Level: 'ALL', IncludeExecutionData: true },
      );
    }
  });

  it('acknowledges a wildcard resource only on a policy holding nothing else, never on a role', () => {
    const wildcardAcks: IConstruct[] = [];
    const walk = (c: IConstruct) => {
      for (const entry of c.node.metadata) {
        if (
          entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY &&
          Object.keys(entry.data as object).some((id) => id.endsWith('IAM5[Resource::*]'))
        ) {
          wildcardAcks.push(c);
        }
      }
      for (const child of c.node.children) walk(child);
    };
    walk(built[stage].app);
    expect(wildcardAcks.length).toBeGreaterThan(0);
    for (const c of wildcardAcks) {
      expect(c, c.node.path).toBeInstanceOf(Policy);
      expect(c).not.toBeInstanceOf(Role);
      const statements = Stack.of(c).resolve((c as Policy).document).Statement as Json[];
      for (const s of statements) {
        expect(
          [s.Action].flat().every((a: string) => /^(xray|logs):/.test(a)),
          c.node.path,
        ).toBe(true);
      }
    }
  });
});
