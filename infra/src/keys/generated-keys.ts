import { fileURLToPath } from 'node:url';
import type { SecretPlan } from '@mytabs/plan';
import { ArnFormat, CustomResource, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledgeWildcardResource } from '../nag/acknowledge-wildcard-resource.ts';
import { ServiceFunction } from '../service/service-function.ts';
import type { GeneratedKind } from './ensure-key.ts';

export interface GeneratedKeysProps {
  /** The service's secrets of a generated kind. */
  keys: readonly (SecretPlan & { kind: GeneratedKind })[];
  /** Versions an operator raised to rotate a key (CDK context `keyVersions`); 1 otherwise. */
  versions: Readonly<Record<string, number>>;
  /** Production: a deleted stack leaves its keys (tickets and tokens signed with them) in place. */
  retain: boolean;
  /** Name of the function that runs the key resource. */
  functionName: string;
  projectRoot: string;
  logRetention: RetentionDays;
}

/**
 * The key resource's functions, `mytabs-<stage>-<service>-generateKeys` and its provider
 * framework's: they run only while CloudFormation deploys, so only on AWS (locally the keys are
 * generated at start, by the same `generateKey`).
 */
export const KEY_HANDLER = 'generateKeys';
export const isKeyResourceFunction = (functionName: string) =>
  functionName.endsWith(`-${KEY_HANDLER}`) || functionName.endsWith(`-${KEY_HANDLER}Framework`);

const handlerEntry = fileURLToPath(new URL('./generated-key-handler.ts', import.meta.url));

/**
 * Keys of our own (the tickets' Ed25519 key, the order-token key), one custom resource each:
 * generated in AWS at deploy when absent, never replaced unless their version is raised, never
 * in a template. Functions are granted them by name like any other secret.
 */
export class GeneratedKeys extends Construct {
  /** By name in Secrets Manager. */
  readonly secrets: Record<string, ISecret> = {};

  constructor(scope: Construct, id: string, props: GeneratedKeysProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { fn: onEvent } = new ServiceFunction(this, 'Handler', {
      functionName: props.functionName,
      entry: handlerEntry,
      projectRoot: props.projectRoot,
      memoryMb: 256,
      timeoutS: 30,
      environment: {},
      logRetention: props.logRetention,
      retainLogs: props.retain,
    });
    onEvent.addToRolePolicy(
      new PolicyStatement({
        actions: [
          'secretsmanager:GetSecretValue',
          'secretsmanager:CreateSecret',
          'secretsmanager:PutSecretValue',
          'secretsmanager:RestoreSecret',
          'secretsmanager:DeleteSecret',
        ],
        // Secrets Manager appends six random characters to a secret's ARN.
        resources: props.keys.map((key) =>
          stack.formatArn({
            service: 'secretsmanager',
            resource: 'secret',
            resourceName: `${key.name}-??????`,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        ),
      }),
    );
    // The framework's function answers CloudFormation; its role and logs are ours, as every role's.
    const frameworkName = `${props.functionName}Framework`;
    const frameworkLogs = new LogGroup(this, 'FrameworkLogs', {
      logGroupName: `/aws/lambda/${frameworkName}`,
      retention: props.logRetention,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const frameworkRole = new Role(this, 'FrameworkRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${frameworkName} only`,
    });
    frameworkLogs.grantWrite(frameworkRole);
    const provider = new Provider(this, 'Provider', {
      onEventHandler: onEvent,
      providerFunctionName: frameworkName,
      frameworkOnEventRole: frameworkRole,
      logGroup: frameworkLogs,
    });
    acknowledgeWildcardResource(
      frameworkRole,
      `${onEvent.functionArn}:*`,
      'The CDK provider framework may invoke any version of our own key handler, and nothing else.',
    );
    for (const key of props.keys) {
      new CustomResource(this, key.key, {
        serviceToken: provider.serviceToken,
        resourceType: 'Custom::GeneratedKey',
        properties: {
          SecretName: key.name,
          KeyKind: key.kind,
          KeyVersion: props.versions[key.key] ?? 1,
          Description: `${key.key}: generated at deploy by this stack's key resource; rotate by raising its version (keyVersions)`,
          Retain: props.retain,
        },
      });
      this.secrets[key.name] = Secret.fromSecretNameV2(this, `${key.key}Secret`, key.name);
    }
  }
}
