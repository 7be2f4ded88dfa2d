/** The AWS clients and logger ticketing uses: traced, one of each per container. */
export { eventBridgeClient, lambdaClient } from '@mytabs/contracts/runtime/aws-clients';
export { logger } from '@mytabs/contracts/runtime/observability';
