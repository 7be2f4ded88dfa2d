import { arnsIn, stageNames } from '@mytabs/plan';

/**
 * The local platform is a stage of its own, `local`, named by the same rule as every stage on
 * AWS (`mytabs-local-…`, see `@mytabs/plan`), in one fixed account and region.
 */
export const LOCAL_STAGE = 'local';
export const REGION = 'us-east-1';
export const ACCOUNT = '000000000000';
export const localLocation = { partition: 'aws', region: REGION, account: ACCOUNT };

/** Every physical name of the local stage: `localNames.table('payments')`, ... */
export const localNames = stageNames(LOCAL_STAGE);
export const localArns = arnsIn(localLocation);

/**
 * The access key id a function's AWS SDK clients sign with: `<service>.<function>`. The local
 * Lambda reads the caller's service from it (the part before the dot) to apply the manifest's
 * `invokedBy`, as IAM would from the caller's role. Any key that names no service acts as no one.
 */
export const accessKeyIdOf = (service: string, fn: string) => `${service}.${fn}`;
export const serviceOfAccessKeyId = (accessKeyId: string) => accessKeyId.split('.')[0] ?? '';

/**
 * Credentials for an AWS SDK client a component uses on behalf of a service (Step Functions
 * running a workflow of `orders`, cognito-local calling a trigger of `identity`), so the local
 * Lambda applies that service's `invokedBy` grants to the call.
 */
export const credentialsFor = (service: string) => ({
  accessKeyId: service,
  secretAccessKey: 'local',
});
