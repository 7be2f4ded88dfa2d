import type { SecretKind, SecretPlan } from '@mytabs/plan';
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export interface ServiceSecretsProps {
  /** Secrets an operator puts; keys of our own are `GeneratedKeys`. */
  secrets: readonly (SecretPlan & { kind: OperatorKind })[];
  protect: boolean;
}

type OperatorKind = Exclude<SecretKind, 'ed25519-private-key' | 'hmac-key'>;

/** Why Secrets Manager does not rotate each kind of secret an operator puts. */
const NO_ROTATION: Record<OperatorKind, string> = {
  'stripe-secret-key':
    'A Stripe API key is rolled in the Stripe dashboard, then put here; Secrets Manager has no rotation function for it.',
  'stripe-webhook-secret':
    'A Stripe webhook signing secret is rolled on the webhook endpoint in the Stripe dashboard, then put here; Secrets Manager has no rotation function for it.',
  'apple-pass-certificate':
    'The Pass Type ID certificate is renewed in the Apple Developer account (it expires after a year), then put here; Secrets Manager has no rotation function for it.',
  'google-wallet-service-account':
    'A service-account key is created in Google Cloud (and the old one deleted there), then put here; Secrets Manager has no rotation function for it.',
  'operator-value':
    'A third-party credential, rolled where it is issued and then put here by an operator; Secrets Manager has no rotation function for it.',
};

/**
 * The service's third-party secrets. CloudFormation creates each with a random placeholder; the
 * real value (a Stripe key, a webhook signing secret) is put by an operator and read by handlers
 * at run time. Until it is, the functions that need it refuse to move money (`npm run preflight`
 * lists what is missing).
 */
export class ServiceSecrets extends Construct {
  /** By name in Secrets Manager, as the plan's grants name them. */
  readonly secrets: Record<string, Secret> = {};

  constructor(scope: Construct, id: string, props: ServiceSecretsProps) {
    super(scope, id);
    for (const { key, name, kind } of props.secrets) {
      const secret = new Secret(this, key, {
        secretName: name,
        description: `${key}: value set by an operator, never in a template or environment`,
        removalPolicy: props.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      });
      Validations.of(secret).acknowledge({ id: 'AwsSolutions-SMG4', reason: NO_ROTATION[kind] });
      this.secrets[name] = secret;
    }
  }
}
