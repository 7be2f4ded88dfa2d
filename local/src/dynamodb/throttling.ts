import { randomUUID } from 'node:crypto';
import type { EdgeRequest, EdgeResponse } from '../edge/aws-service.ts';
import type { LocalFaults } from '../faults/local-faults.ts';
import { tablesOf } from './table-access.ts';

/**
 * DynamoDB's answer while an injected `dynamodb` fault throttles a table the request names, in
 * AWS's words (SDKs retry it with backoff, as throttling), or undefined to serve the request.
 */
export const throttledByFault = (
  faults: LocalFaults,
  request: EdgeRequest,
): EdgeResponse | undefined => {
  const fault = faults.take('dynamodb', (f) => tablesOf(request).includes(f.table));
  return (
    fault && {
      status: 400,
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': randomUUID() },
      body: JSON.stringify({
        __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
        message:
          'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
      }),
    }
  );
};
