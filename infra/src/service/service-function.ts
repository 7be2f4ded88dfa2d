import { BUNDLING } from '@mytabs/plan';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type CfnFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface ServiceFunctionProps {
  functionName: string;
  /** Absolute path of the handler file; it exports `handler`. */
  entry: string;
  /** The monorepo root: its lock file and node_modules are what esbuild bundles from. */
  projectRoot: string;
  memoryMb: number;
  timeoutS: number;
  environment: Record<string, string>;
  logRetention: RetentionDays;
  /** Production: the log group outlives the stack, as what it recorded may be needed after. */
  retainLogs: boolean;
}

/** The plan's bundling, which the local platform runs too, as NodejsFunction spells it. */
const planBundling = (): BundlingOptions => ({
  format: OutputFormat.ESM,
  target: BUNDLING.target,
  mainFields: [...BUNDLING.mainFields],
  minify: BUNDLING.minify,
  keepNames: BUNDLING.keepNames,
  sourceMap: BUNDLING.sourcemap,
  externalModules: [...BUNDLING.externals],
  forceDockerBundling: false,
  banner: BUNDLING.banner,
});

/**
 * One manifest function: an ESM bundle on nodejs24.x/arm64 with X-Ray, its own log group and its
 * own role. The role starts with nothing but writing to that log group; every other permission
 * is a grant its manifest's `uses` names.
 */
export class ServiceFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${props.functionName}`,
      retention: props.logRetention,
      removalPolicy: props.retainLogs ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.functionName} only`,
    });
    this.logGroup.grantWrite(this.role);
    this.fn = new NodejsFunction(this, 'Function', {
      functionName: props.functionName,
      entry: props.entry,
      handler: 'handler',
      projectRoot: props.projectRoot,
      depsLockFilePath: `${props.projectRoot}/package-lock.json`,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb,
      timeout: Duration.seconds(props.timeoutS),
      role: this.role,
      logGroup: this.logGroup,
      // The bundle's source maps, so stack traces in the logs name the TypeScript source.
      environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
      bundling: planBundling(),
    });
    // Active tracing, with its X-Ray permissions in a policy of their own (the `tracing` prop
    // would add them to the role's default policy, where a `*` acknowledgement covers too much).
    (this.fn.node.defaultChild as CfnFunction).tracingConfig = { mode: Tracing.ACTIVE };
    const tracing = new Policy(this, 'Tracing', {
      roles: [this.role],
      statements: [
        new PolicyStatement({
          actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
          resources: ['*'],
        }),
      ],
    });
    Validations.of(tracing).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'xray:PutTraceSegments and xray:PutTelemetryRecords have no resource-level permissions (https://docs.aws.amazon.com/xray/latest/devguide/security_iam_service-with-iam.html); this policy holds nothing else.',
    });
  }
}
