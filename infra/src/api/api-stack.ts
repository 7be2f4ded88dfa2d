import { type HttpRoute, tokenIsOptional } from '@mytabs/contracts';
import type { Plan } from '@mytabs/plan';
import { Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  AuthorizationType,
  EndpointType,
  IdentitySource,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  RequestAuthorizer,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { WebAcl } from '../waf/web-acl.ts';
import { KeptTraces } from './kept-traces.ts';
import { ProblemResponses } from './problem-responses.ts';

export interface ApiStackProps extends StackProps {
  plan: Plan;
  logRetention: RetentionDays;
  /** Production: the access logs outlive the stack. */
  protect: boolean;
}

/** Stage-wide limits; the usage plan carries the same so a plan's clients can be tightened later. */
const THROTTLE = { rateLimit: 100, burstLimit: 200 };
/** The one stage, as today's clients call it. */
const STAGE = 'prod';

/**
 * The REST API of every manifest route: stage `prod`, X-Ray, access and execution logs,
 * throttling, a usage plan, problem+json gateway responses, a WAF web ACL, and the identity
 * service's REQUEST authorizer on every route whose auth mode is not `public`.
 */
export class ApiStack extends Stack {
  readonly api: RestApi;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { plan } = props;
    const apiName = plan.api.name;
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: props.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.api = new RestApi(this, 'Api', {
      restApiName: apiName,
      binaryMediaTypes: plan.api.binaryMediaTypes,
      endpointTypes: [EndpointType.REGIONAL],
      cloudWatchRole: true,
      deployOptions: {
        stageName: STAGE,
        tracingEnabled: true,
        loggingLevel: MethodLoggingLevel.INFO,
        metricsEnabled: true,
        throttlingRateLimit: THROTTLE.rateLimit,
        throttlingBurstLimit: THROTTLE.burstLimit,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.jsonWithStandardFields(),
      },
    });
    this.api.addUsagePlan('UsagePlan', {
      name: `${apiName}-default`,
      throttle: THROTTLE,
      apiStages: [{ api: this.api, stage: this.api.deploymentStage }],
    });
    Validations.of(this.api).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        reason:
          "API Gateway's account-wide CloudWatch role (needed for execution logs) is the CDK's own, with AWS's policy made for exactly this.",
      },
      {
        id: 'AwsSolutions-APIG2',
        reason:
          "Handlers validate bodies and parameters with the contracts' zod schemas and answer problem+json listing each invalid field; API Gateway's validator would answer in another format.",
      },
    );

    // Functions by name, not by reference into the service stacks (which deploy first).
    const functions = new Map<string, ReturnType<typeof LambdaFunction.fromFunctionAttributes>>();
    const functionOf = (name: string) => {
      let fn = functions.get(name);
      if (!fn) {
        const planned = plan.functions.find((f) => f.name === name);
        if (!planned) throw new Error(`the plan has no function ${name}`);
        fn = LambdaFunction.fromFunctionAttributes(this, `Function-${planned.ref}`, {
          functionArn: planned.arn,
          sameEnvironment: true,
        });
        functions.set(name, fn);
      }
      return fn;
    };

    const authorizers = new Map<'required' | 'optional', RequestAuthorizer>();
    const authorizerFor = (authorizerName: string, auth: HttpRoute['auth']) => {
      const kind = tokenIsOptional(auth) ? 'optional' : 'required';
      let authorizer = authorizers.get(kind);
      if (!authorizer) {
        authorizer =
          kind === 'required'
            ? new RequestAuthorizer(this, 'Authorizer', {
                authorizerName: plan.authorizer?.name,
                handler: functionOf(authorizerName),
                identitySources: [IdentitySource.header('Authorization')],
                resultsCacheTtl: Duration.seconds(plan.authorizer?.cacheTtlS ?? 0),
              })
            : // No identity source, so API Gateway asks the same function on every request, token
              // or not (allowed only without caching): a request without a token is anonymous.
              new RequestAuthorizer(this, 'OptionalAuthorizer', {
                authorizerName: plan.authorizer?.optionalName,
                handler: functionOf(authorizerName),
                identitySources: [],
                resultsCacheTtl: Duration.seconds(0),
              });
        authorizers.set(kind, authorizer);
      }
      return authorizer;
    };

    for (const http of plan.routes) {
      const resource = this.api.root.resourceForPath(http.path);
      const isPublic = http.auth === 'public';
      if (!isPublic && !plan.authorizer) {
        throw new Error(
          `${http.method} ${http.path} (${http.functionName}) needs the authorizer no manifest declares`,
        );
      }
      const method = resource.addMethod(
        http.method,
        new LambdaIntegration(functionOf(http.functionName), { allowTestInvoke: false }),
        isPublic || !plan.authorizer
          ? { authorizationType: AuthorizationType.NONE }
          : {
              authorizationType: AuthorizationType.CUSTOM,
              authorizer: authorizerFor(plan.authorizer.functionName, http.auth),
            },
      );
      Validations.of(method).acknowledge({
        id: 'AwsSolutions-COG4',
        reason:
          "Protected routes use the identity service's Lambda REQUEST authorizer: it also accepts order tokens (auth mode user-or-order), which a Cognito authorizer cannot.",
      });
      if (isPublic) {
        Validations.of(method).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${http.method} ${http.path} is public in its manifest (auth: public): anonymous buyers and signed webhooks reach it.`,
        });
      }
    }

    new KeptTraces(this, 'KeptTraces', {
      serviceName: `${apiName}/${STAGE}`,
      rules: plan.samplingRules,
    });
    new ProblemResponses(this, 'Problems', this.api);
    const waf = new WebAcl(this, 'Waf', {
      name: apiName,
      scope: 'REGIONAL',
      rateLimitPer5Min: 2_000,
      bodyLimit: plan.api.bodyLimit,
    });
    new CfnWebACLAssociation(waf, 'Association', {
      resourceArn: this.api.deploymentStage.stageArn,
      webAclArn: waf.webAcl.attrArn,
    });
  }
}
