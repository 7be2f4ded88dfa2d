import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import {
  isConfiguredValue,
  isGeneratedKind,
  type SecretKind,
  type SecretPlan,
  stageNames,
} from '@mytabs/plan';
import {
  ask,
  type CheckResult,
  type CouldNotCheck,
  couldNotCheckFinding,
  type Finding,
  isCouldNotCheck,
} from './finding.ts';

/**
 * What the preflight keeps of a secret's value: whether it is set, and for a Stripe key whether
 * it is a test or a live one. The value itself goes no further than `assessValue`, so no report,
 * log line or error can ever carry it.
 */
export interface ValueAssessment {
  configured: boolean;
  stripeMode?: 'test' | 'live';
}

export type SecretState =
  | { state: 'absent' }
  | { state: 'scheduled-for-deletion' }
  | { state: 'present'; value: ValueAssessment }
  | CouldNotCheck;

const STRIPE_MODE = /^(?:sk|rk)_(test|live)_/;

export const assessValue = (kind: SecretKind, value: string | undefined): ValueAssessment => {
  const configured = isConfiguredValue(kind, value);
  const mode =
    kind === 'stripe-secret-key' && configured ? value?.match(STRIPE_MODE)?.[1] : undefined;
  return { configured, ...(mode && { stripeMode: mode as 'test' | 'live' }) };
};

/** The production stage takes real money; every other stage must not. */
const PRODUCTION_STAGE = 'prod';

const putCommand = (name: string, region: string, example: string) =>
  `aws secretsmanager put-secret-value --region ${region} --secret-id ${name} --secret-string '${example}'`;

/** The values an operator puts, by kind: what a configured one looks like, and where to get it. */
const WHAT_TO_PUT: Partial<
  Record<SecretKind, (stage: string) => { shape: string; what: string; example: string }>
> = {
  'stripe-secret-key': (stage) => ({
    shape: 'an sk_… or rk_… key',
    ...(stage === PRODUCTION_STAGE
      ? {
          what: 'the Stripe live secret key (Developers → API keys in the Stripe dashboard)',
          example: 'sk_live_…',
        }
      : {
          what: 'the Stripe test secret key (Developers → API keys in the Stripe dashboard, test mode)',
          example: 'sk_test_…',
        }),
  }),
  'stripe-webhook-secret': () => ({
    shape: 'a whsec_… signing secret',
    what: "the signing secret of the Stripe webhook endpoint that posts to the API's /payments/webhook (Developers → Webhooks in the Stripe dashboard)",
    example: 'whsec_…',
  }),
  'apple-pass-certificate': () => ({
    shape: 'the Apple Wallet pass certificate (JSON)',
    what: 'a JSON document with passTypeIdentifier, teamIdentifier, signerCertPem, signerKeyPem and wwdrCertPem (the Pass Type ID certificate from the Apple Developer account, its key, and Apple WWDR G4); services/notifications/README.md',
    example: '{"passTypeIdentifier":"pass.app.keeptabs.ticket",…}',
  }),
  'google-wallet-service-account': () => ({
    shape: 'a Google service-account key (JSON) with issuerId',
    what: "the Wallet API service account's JSON key from Google Cloud, with the Google Pay & Wallet Console's issuer id added as issuerId",
    example: '{"issuerId":"338800000…","client_email":"…","private_key":"…"}',
  }),
};

/** What is wrong with one of the plan's secrets as Secrets Manager holds it, if anything. */
export const secretFindings = (
  stage: string,
  region: string,
  secret: SecretPlan,
  found: SecretState,
): Finding[] => {
  const finding = (problem: string, todo: string, blocking = true): Finding[] => [
    { check: 'secrets', subject: secret.name, problem, todo, blocking },
  ];
  if (isCouldNotCheck(found)) return [couldNotCheckFinding('secrets', secret.name, found)];
  const stack = stageNames(stage).stack(secret.service);
  if (found.state === 'absent') {
    return finding('not created', `deploy the stack first (${stack})`);
  }
  if (found.state === 'scheduled-for-deletion') {
    return finding(
      'scheduled for deletion, so no function can read it',
      `restore it: aws secretsmanager restore-secret --region ${region} --secret-id ${secret.name}`,
    );
  }
  const { configured, stripeMode } = found.value;
  if (!configured) {
    if (isGeneratedKind(secret.kind)) {
      return finding(
        'holds no key yet',
        `the key resource has not run: deploy again (${stack}); it generates the key`,
      );
    }
    const put = WHAT_TO_PUT[secret.kind]?.(stage);
    return put
      ? finding(
          `holds a placeholder, not ${put.shape}`,
          `put ${put.what}: ${putCommand(secret.name, region, put.example)}`,
        )
      : finding('holds no value', `put its value: ${putCommand(secret.name, region, '…')}`);
  }
  if (stage === PRODUCTION_STAGE && stripeMode === 'test') {
    return finding(
      'holds a Stripe test key in prod: no card would really be charged',
      `put the Stripe live secret key (Developers → API keys in the Stripe dashboard, live mode): ${putCommand(secret.name, region, 'sk_live_…')}`,
    );
  }
  if (stage !== PRODUCTION_STAGE && stripeMode === 'live') {
    return finding(
      `holds a Stripe live key in the stage ${stage}: its orders would charge real cards`,
      `put a test key unless that is meant: ${putCommand(secret.name, region, 'sk_test_…')}`,
      false,
    );
  }
  return [];
};

/** Errors meaning a secret is marked for deletion: any read of it is refused until restored. */
const markedForDeletion = (state: unknown) =>
  isCouldNotCheck(state) && /InvalidRequestException.*deletion/i.test(state.couldNotCheck);

/** DescribeSecret, then GetSecretValue, whose answer is judged here and dropped. */
export const readSecretState = async (
  client: SecretsManagerClient,
  secret: SecretPlan,
): Promise<SecretState> => {
  const described = await ask(
    () => client.send(new DescribeSecretCommand({ SecretId: secret.name })),
    ['ResourceNotFoundException'],
  );
  if (described === undefined) return { state: 'absent' };
  if (isCouldNotCheck(described)) return described;
  if (described.DeletedDate) return { state: 'scheduled-for-deletion' };
  const assessed = await ask(
    async () => {
      const { SecretString } = await client.send(
        new GetSecretValueCommand({ SecretId: secret.name }),
      );
      return assessValue(secret.kind, SecretString);
    },
    // A secret created without a value has no AWSCURRENT version to read.
    ['ResourceNotFoundException'],
  );
  if (markedForDeletion(assessed)) return { state: 'scheduled-for-deletion' };
  if (isCouldNotCheck(assessed)) return assessed;
  return { state: 'present', value: assessed ?? assessValue(secret.kind, undefined) };
};

export const checkSecrets = async (
  client: SecretsManagerClient,
  { stage, region, secrets }: { stage: string; region: string; secrets: readonly SecretPlan[] },
): Promise<CheckResult> => {
  const states = await Promise.all(secrets.map((s) => readSecretState(client, s)));
  return {
    check: 'secrets',
    ok: `${secrets.length} secrets of mytabs/${stage}/ hold values`,
    findings: secrets.flatMap((s, i) => secretFindings(stage, region, s, states[i] as SecretState)),
  };
};
