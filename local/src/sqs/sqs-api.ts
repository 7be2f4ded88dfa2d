import { type AwsService, amzTarget, signingName } from '../edge/aws-service.ts';
import { jsonProtocolService } from '../edge/json-protocol.ts';
import type { LocalQueues } from './local-queues.ts';
import { queryErrorCode } from './sqs-errors.ts';
import { sqsOperations } from './sqs-operations.ts';
import { answerQuery } from './sqs-query.ts';

/**
 * SQS on the edge, in both of its wire protocols: JSON (`X-Amz-Target: AmazonSQS.*`, what SDK v3
 * sends) and query (form-encoded `Action=...` with XML answers, what the AWS CLI before 2.13
 * sends), over the same operations.
 */
export const sqsApi = (queues: LocalQueues): AwsService => {
  const operations = sqsOperations(queues);
  const json = jsonProtocolService({
    name: 'sqs',
    targetPrefix: 'AmazonSQS',
    version: '1.0',
    operations,
  });
  return {
    name: 'sqs',
    accepts: (request) =>
      json.accepts(request) ||
      (signingName(request.headers) === 'sqs' && amzTarget(request.headers) === undefined),
    async handle(request) {
      if (!json.accepts(request)) return answerQuery(operations, request);
      const response = await json.handle(request);
      const code = response.headers?.['x-amzn-errortype'];
      // SDKs read the query protocol's code from this header to name the error as before.
      return code
        ? {
            ...response,
            headers: {
              ...response.headers,
              'x-amzn-query-error': `${queryErrorCode(code)};Sender`,
            },
          }
        : response;
    },
  };
};
