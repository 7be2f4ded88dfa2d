/**
 * Where a stage runs: fixed values on the local platform, CloudFormation's pseudo parameters (CDK
 * tokens, which are strings too) on AWS. ARNs are built from them the same way on both.
 */
export interface Location {
  partition: string;
  region: string;
  account: string;
}

export const arnsIn = ({ partition, region, account }: Location) => ({
  function: (name: string) => `arn:${partition}:lambda:${region}:${account}:function:${name}`,
  stateMachine: (name: string) =>
    `arn:${partition}:states:${region}:${account}:stateMachine:${name}`,
  bus: (name: string) => `arn:${partition}:events:${region}:${account}:event-bus/${name}`,
  queue: (name: string) => `arn:${partition}:sqs:${region}:${account}:${name}`,
  table: (name: string) => `arn:${partition}:dynamodb:${region}:${account}:table/${name}`,
});
