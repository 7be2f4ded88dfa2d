import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { catalog } from '@mytabs/contracts/events/catalog';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { type Plan, resolvePlan, type StageNames, stageNames } from '@mytabs/plan';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Where the commands act: a stage on AWS (the usual credentials), or a local platform's edge. */
export interface TargetOptions {
  stage: string;
  region: string;
  /** The local platform's edge (or any AWS-compatible endpoint); unset: AWS itself. */
  endpoint?: string;
}

export interface Target {
  stage: string;
  names: StageNames;
  /**
   * The stage's resources from the same manifests infra/ and local/ read. Only names are used
   * from it: ARNs are asked of the target, which knows its account.
   */
  plan: Plan;
  sqs: SQSClient;
  sfn: SFNClient;
  lambda: LambdaClient;
  events: EventBridgeClient;
  dynamodb: DynamoDBDocumentClient;
  /**
   * Lambda as an operator acting for `service`, for a function only that service may invoke. On
   * AWS that is the operator's own role; the local platform reads the caller's service from the
   * access key id (`<service>.<anything>`), as IAM would read it from a role.
   */
  lambdaAs(service: string): LambdaClient;
  close(): void;
}

export const openTarget = async ({ stage, region, endpoint }: TargetOptions): Promise<Target> => {
  const config = {
    region,
    ...(endpoint && {
      endpoint,
      // The local platform checks no signature; an operator's own keys work there too.
      credentials: {
        accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'ops',
        secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'ops',
      },
    }),
  };
  const plan = resolvePlan({
    stage,
    services: await loadManifests(repoRoot),
    events: catalog,
    location: { partition: 'aws', region, account: 'unknown' },
    emailDomain: 'unused.invalid',
  });
  const sqs = new SQSClient(config);
  const sfn = new SFNClient(config);
  const lambda = new LambdaClient(config);
  const events = new EventBridgeClient(config);
  const dynamodb = DynamoDBDocumentClient.from(new DynamoDBClient(config));
  const acting = new Map<string, LambdaClient>();
  const lambdaAs = (service: string) => {
    if (!endpoint) return lambda;
    let client = acting.get(service);
    if (!client) {
      client = new LambdaClient({
        ...config,
        credentials: { accessKeyId: `${service}.ops`, secretAccessKey: 'ops' },
      });
      acting.set(service, client);
    }
    return client;
  };
  return {
    stage,
    names: stageNames(stage),
    plan,
    sqs,
    sfn,
    lambda,
    events,
    dynamodb,
    lambdaAs,
    close() {
      for (const client of [sqs, sfn, lambda, events, dynamodb, ...acting.values()]) {
        client.destroy();
      }
    },
  };
};
