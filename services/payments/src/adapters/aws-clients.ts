/** The AWS clients and logger payments uses: traced, one of each per container. */
export {
  documentClient,
  eventBridgeClient,
  lambdaClient,
} from '@mytabs/contracts/runtime/aws-clients';
export { logger } from '@mytabs/contracts/runtime/observability';
