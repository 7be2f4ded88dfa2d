import { Stack, Validations } from 'aws-cdk-lib';
import type { Policy } from 'aws-cdk-lib/aws-iam';
import type { BucketDeployment } from 'aws-cdk-lib/aws-s3-deployment';
import { acknowledgeWildcardResource } from '../nag/acknowledge-wildcard-resource.ts';

/**
 * The CDK's bucket deployment handler (one per stack, shared by every site build uploaded) is
 * the CDK's own code, role and policy: its findings are acknowledged on it, each for what it is.
 */
export const acknowledgeDeploymentHandler = (deployment: BucketDeployment) => {
  const role = deployment.handlerRole.node;
  const policy = role.findChild('DefaultPolicy') as Policy;
  const handler = role.scope;
  if (!handler) throw new Error('the bucket deployment handler has no scope');
  Validations.of(deployment.handlerRole).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      "The CDK's bucket deployment handler writes its own logs, which is all AWS's policy allows.",
  });
  Validations.of(handler).acknowledge({
    id: 'AwsSolutions-L1',
    reason:
      "The CDK's bucket deployment handler runs on the Python runtime its aws-cdk-lib version was built for.",
  });
  Validations.of(policy).acknowledge(
    ...['s3:Abort*', 's3:DeleteObject*', 's3:GetBucket*', 's3:GetObject*', 's3:List*'].map(
      (action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason:
          "The CDK's grants to copy a build from the assets bucket into the site's bucket: read the asset, write and delete the site's objects.",
      }),
    ),
  );
  const statements: { Resource: unknown }[] = Stack.of(policy).resolve(policy.document).Statement;
  for (const resource of statements.flatMap((s) => [s.Resource].flat())) {
    if (resource !== '*' && JSON.stringify(resource).endsWith('/*"]]}')) {
      acknowledgeWildcardResource(
        policy,
        resource as string,
        "The objects of a bucket the CDK's handler copies a build between: the assets bucket it reads, the site's bucket it writes.",
      );
    }
  }
  Validations.of(policy).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'The CDK grants the handler CloudFront invalidations on every distribution (cloudfront:CreateInvalidation, GetInvalidation): it invalidates the one given after each upload.',
  });
};
