import { Stack, Validations } from 'aws-cdk-lib';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges AwsSolutions-IAM5 for one wildcard resource of a policy under `scope`. cdk-nag 3
 * names each finding by the resource as it flattens CloudFormation references
 * (`<Table1234.Arn>/index/*`), so the id is computed the same way rather than copied by hand.
 */
export const acknowledgeWildcardResource = (
  scope: IConstruct,
  resource: string,
  reason: string,
) => {
  const flat = flattenCfnReference(Stack.of(scope).resolve(resource));
  Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::${flat}]`, reason });
};
