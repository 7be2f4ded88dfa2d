import { generateKey, type SecretPlan } from '@mytabs/plan';
import { describe, expect, it } from 'vitest';
import { assessValue, type SecretState, secretFindings } from '../../src/preflight/secrets.ts';

const secret = (service: string, key: string, kind: SecretPlan['kind']): SecretPlan => ({
  service,
  key,
  name: `mytabs/prod/${service}/${key}`,
  kind,
});
const stripeKey = secret('payments', 'stripe-secret-key', 'stripe-secret-key');
const webhookSecret = secret('payments', 'stripe-webhook-secret', 'stripe-webhook-secret');
const ticketKey = secret('ticketing', 'ticket-ed25519-key', 'ed25519-private-key');
const tokenKey = secret('identity', 'order-token-key', 'hmac-key');

/** What CloudFormation puts in a secret it creates: 32 random printable characters. */
const PLACEHOLDER = 'Xy7#kL9!qW2$eR4%tY6^uI8&oP0*aS1(';
const LIVE = `sk_live_${'a1B2c3D4e5'.repeat(3)}`;
const TEST = `sk_test_${'a1B2c3D4e5'.repeat(3)}`;

const present = (kind: SecretPlan['kind'], value: string | undefined): SecretState => ({
  state: 'present',
  value: assessValue(kind, value),
});

describe('assessValue keeps whether a value is set, and a Stripe key mode, never the value', () => {
  it.each([
    ['stripe-secret-key', LIVE, { configured: true, stripeMode: 'live' }],
    ['stripe-secret-key', `rk_test_${'x'.repeat(24)}`, { configured: true, stripeMode: 'test' }],
    ['stripe-secret-key', PLACEHOLDER, { configured: false }],
    ['stripe-webhook-secret', `whsec_${'0a'.repeat(16)}`, { configured: true }],
    ['stripe-webhook-secret', PLACEHOLDER, { configured: false }],
    ['hmac-key', generateKey('hmac-key'), { configured: true }],
    ['ed25519-private-key', generateKey('ed25519-private-key'), { configured: true }],
    ['ed25519-private-key', PLACEHOLDER, { configured: false }],
    ['operator-value', undefined, { configured: false }],
    ['operator-value', '', { configured: false }],
  ] as const)('%s', (kind, value, expected) => {
    const assessed = assessValue(kind, value);
    expect(assessed).toEqual(expected);
    if (value) expect(JSON.stringify(assessed)).not.toContain(value);
  });
});

describe('secretFindings', () => {
  it('finds nothing in configured secrets, a live Stripe key in prod included', () => {
    expect(secretFindings('prod', 'us-east-1', stripeKey, present(stripeKey.kind, LIVE))).toEqual(
      [],
    );
    expect(
      secretFindings('prod', 'us-east-1', tokenKey, present('hmac-key', generateKey('hmac-key'))),
    ).toEqual([]);
  });

  it('asks for a deploy when a secret does not exist', () => {
    expect(secretFindings('prod', 'us-east-1', stripeKey, { state: 'absent' })).toEqual([
      {
        check: 'secrets',
        subject: 'mytabs/prod/payments/stripe-secret-key',
        problem: 'not created',
        todo: 'deploy the stack first (MyTabs-Prod-Payments)',
        blocking: true,
      },
    ]);
  });

  it('asks for the Stripe values from the dashboard, with the command that puts them', () => {
    const [key] = secretFindings(
      'prod',
      'eu-west-1',
      stripeKey,
      present(stripeKey.kind, PLACEHOLDER),
    );
    expect(key).toMatchObject({
      problem: 'holds a placeholder, not an sk_… or rk_… key',
      blocking: true,
    });
    expect(key?.todo).toContain('Stripe live secret key');
    expect(key?.todo).toContain('Stripe dashboard');
    expect(key?.todo).toContain(
      "aws secretsmanager put-secret-value --region eu-west-1 --secret-id mytabs/prod/payments/stripe-secret-key --secret-string 'sk_live_…'",
    );

    const [webhook] = secretFindings(
      'prod',
      'us-east-1',
      webhookSecret,
      present(webhookSecret.kind, PLACEHOLDER),
    );
    expect(webhook?.todo).toContain('signing secret of the Stripe webhook endpoint');
    expect(webhook?.todo).toContain("--secret-string 'whsec_…'");

    const [dev] = secretFindings('dev', 'us-east-1', stripeKey, present(stripeKey.kind, undefined));
    expect(dev?.todo).toContain("'sk_test_…'");
  });

  it('sends a generated key that holds a placeholder back to the key resource, not to a person', () => {
    const [finding] = secretFindings(
      'prod',
      'us-east-1',
      ticketKey,
      present(ticketKey.kind, PLACEHOLDER),
    );
    expect(finding).toMatchObject({ problem: 'holds no key yet', blocking: true });
    expect(finding?.todo).toBe(
      'the key resource has not run: deploy again (MyTabs-Prod-Ticketing); it generates the key',
    );
  });

  it('blocks a Stripe test key in prod, and only warns of a live key elsewhere', () => {
    const [inProd] = secretFindings('prod', 'us-east-1', stripeKey, present(stripeKey.kind, TEST));
    expect(inProd).toMatchObject({ blocking: true });
    expect(inProd?.problem).toContain('test key in prod');
    expect(JSON.stringify(inProd)).not.toContain(TEST);
    expect(secretFindings('dev', 'us-east-1', stripeKey, present(stripeKey.kind, TEST))).toEqual(
      [],
    );
    const [liveInDev] = secretFindings(
      'dev',
      'us-east-1',
      stripeKey,
      present(stripeKey.kind, LIVE),
    );
    expect(liveInDev).toMatchObject({ blocking: false });
  });

  it('asks to restore a secret scheduled for deletion', () => {
    const [finding] = secretFindings('prod', 'us-east-1', tokenKey, {
      state: 'scheduled-for-deletion',
    });
    expect(finding?.todo).toBe(
      'restore it: aws secretsmanager restore-secret --region us-east-1 --secret-id mytabs/prod/identity/order-token-key',
    );
  });

  it('reports a read it could not make as a blocking finding', () => {
    const [finding] = secretFindings('prod', 'us-east-1', stripeKey, {
      couldNotCheck:
        'AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: secretsmanager:GetSecretValue',
    });
    expect(finding).toMatchObject({ subject: stripeKey.name, blocking: true });
    expect(finding?.problem).toMatch(/^could not check: AccessDeniedException/);
    expect(finding?.todo).toContain('allow these credentials');
  });
});
