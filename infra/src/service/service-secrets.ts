import type { SecretPlan } from '@mytabs/plan';
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export interface ServiceSecretsProps {
  secrets: readonly SecretPlan[];
  protect: boolean;
}

/**
 * The service's secrets. CloudFormation creates each with a random placeholder; the real value
 * (a Stripe key, a webhook signing secret) is put by an operator and read by handlers at run time.
 */
export class ServiceSecrets extends Construct {
  /** By name in Secrets Manager, as the plan's grants name them. */
  readonly secrets: Record<string, Secret> = {};

  constructor(scope: Construct, id: string, props: ServiceSecretsProps) {
    super(scope, id);
    for (const { key, name } of props.secrets) {
      const secret = new Secret(this, key, {
        secretName: name,
        description: `${key}: value set by an operator, never in a template or environment`,
        removalPolicy: props.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      });
      Validations.of(secret).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason:
          'Third-party credentials (Stripe keys, webhook signing secrets) are rolled in the issuing dashboard and then put here; Secrets Manager has no rotation function for them.',
      });
      this.secrets[name] = secret;
    }
  }
}
