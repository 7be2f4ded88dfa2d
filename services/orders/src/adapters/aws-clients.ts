/** The AWS clients and logger orders uses: traced, one of each per container. */
export { eventBridgeClient, lambdaClient, sfnClient } from '@mytabs/contracts/runtime/aws-clients';
export { logger } from '@mytabs/contracts/runtime/observability';
