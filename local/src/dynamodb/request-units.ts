import {
  type AwsService,
  amzTarget,
  type EdgeRequest,
  type EdgeResponse,
} from '../edge/aws-service.ts';

export const DYNAMODB_USAGE_PATH = '/_local/dynamodb/usage';

/** On-demand request units, as DynamoDB bills them: reads per 4 KB, writes per 1 KB. */
export interface RequestUnits {
  reads: number;
  writes: number;
}

const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);
const WRITES = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
]);

const units = (bytes: number, per: number) => Math.max(1, Math.ceil(bytes / per));

/**
 * The request units one successful call would consume on AWS, estimated from the sizes of what
 * it carries (JSON bytes stand in for DynamoDB's item size): a read costs its answer's size per
 * 4 KB (half for an eventually consistent one), a write the size of what it sends per 1 KB.
 * An index's own writes and transactions' doubling are left out: we use neither much (no
 * transactions; two sparse indexes on orders).
 */
export const requestUnits = (operation: string, requestBody: string, answer: string) => {
  if (READS.has(operation)) {
    const consistent = /"ConsistentRead"\s*:\s*true/.test(requestBody);
    return { reads: units(Buffer.byteLength(answer), 4096) * (consistent ? 1 : 0.5), writes: 0 };
  }
  if (WRITES.has(operation))
    return { reads: 0, writes: units(Buffer.byteLength(requestBody), 1024) };
  return { reads: 0, writes: 0 };
};

/** Adds up the request units of every successful DynamoDB call the edge answers. */
export const requestUnitsMeter = () => {
  const total: RequestUnits = { reads: 0, writes: 0 };
  return {
    count(request: EdgeRequest, response: EdgeResponse) {
      const operation = amzTarget(request.headers)?.operation;
      if (!operation || response.status !== 200) return;
      const { reads, writes } = requestUnits(
        operation,
        request.body.toString(),
        response.body?.toString() ?? '',
      );
      total.reads += reads;
      total.writes += writes;
    },
    /**
     * `GET /_local/dynamodb/usage`: the request units consumed since start (local only; on AWS
     * CloudWatch's ConsumedRead/WriteCapacityUnits say it). The bench reads it before and after.
     */
    route: {
      name: 'dynamodb-usage',
      accepts: (request) => request.method === 'GET' && request.path === DYNAMODB_USAGE_PATH,
      handle: async () => ({
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(total),
      }),
    } satisfies AwsService,
  };
};
