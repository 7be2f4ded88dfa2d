/** The AWS clients and logger notifications uses: traced, one of each per container. */
export { eventBridgeClient, sesClient } from '@mytabs/contracts/runtime/aws-clients';
export { logger } from '@mytabs/contracts/runtime/observability';
