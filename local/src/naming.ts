/**
 * How the local platform names what the manifests declare. One place, so every local component
 * (and every test) computes the same names and ARNs the functions receive in their environment.
 */
export const REGION = 'us-east-1';
export const ACCOUNT = '000000000000';

/** The one event bus of the system (DESIGN.md: bus "mytabs"). */
export const BUS_NAME = 'mytabs';

/** `payments` + `createPaymentIntent` -> `payments-createPaymentIntent`. */
export const functionName = (service: string, fn: string) => `${service}-${fn}`;

export const functionArn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;

/** `payments` -> `mytabs-payments`: one table per service. */
export const tableName = (service: string) => `mytabs-${service}`;

/** `stripe-secret-key` -> `mytabs/stripe-secret-key`. */
export const secretId = (secret: string) => `mytabs/${secret}`;

/** `orders` + `OrderFulfillment` -> `arn:aws:states:us-east-1:000000000000:stateMachine:orders-OrderFulfillment`. */
export const stateMachineArn = (service: string, workflow: string) =>
  `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${service}-${workflow}`;

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
