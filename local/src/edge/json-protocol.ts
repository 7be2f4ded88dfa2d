import { randomUUID } from 'node:crypto';
import {
  AwsError,
  type AwsService,
  amzTarget,
  type EdgeRequest,
  type EdgeResponse,
} from './aws-service.ts';

export type JsonOperation = (input: Record<string, unknown>) => Promise<unknown> | unknown;

export interface JsonProtocolOptions {
  /** Signing name, e.g. `events`. */
  name: string;
  /** `X-Amz-Target` prefix, e.g. `AWSEvents` or `DynamoDB_20120810`. */
  targetPrefix: string;
  /** `1.0` or `1.1`: only the response content type differs. */
  version: '1.0' | '1.1';
  operations: Record<string, JsonOperation>;
}

/**
 * A service spoken in AWS's JSON protocol (EventBridge, Step Functions, Secrets Manager, Cognito):
 * `POST /` with `X-Amz-Target: Prefix.Operation` and a JSON body; errors as `{ __type, message }`.
 */
export const jsonProtocolService = (options: JsonProtocolOptions): AwsService => {
  const contentType = `application/x-amz-json-${options.version}`;
  const answer = (status: number, body: unknown): EdgeResponse => {
    const requestId = randomUUID();
    return {
      status,
      headers: { 'content-type': contentType, 'x-amzn-requestid': requestId },
      body: JSON.stringify(body ?? {}),
    };
  };
  const fail = (error: AwsError): EdgeResponse => ({
    ...answer(error.status, { __type: error.code, message: error.message }),
    headers: {
      'content-type': contentType,
      'x-amzn-requestid': randomUUID(),
      'x-amzn-errortype': error.code,
    },
  });

  return {
    name: options.name,
    accepts: (request: EdgeRequest) => amzTarget(request.headers)?.prefix === options.targetPrefix,
    async handle(request: EdgeRequest) {
      const target = amzTarget(request.headers);
      const operation =
        target && Object.hasOwn(options.operations, target.operation)
          ? options.operations[target.operation]
          : undefined;
      if (!operation) {
        return fail(
          new AwsError(
            'UnknownOperationException',
            `${target?.operation} is not an operation of ${options.name}`,
          ),
        );
      }
      let input: unknown;
      try {
        input = request.body.length === 0 ? {} : JSON.parse(request.body.toString('utf8'));
      } catch {
        return fail(new AwsError('SerializationException', 'The request body is not valid JSON'));
      }
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        return fail(
          new AwsError('SerializationException', 'The request body must be a JSON object'),
        );
      }
      try {
        return answer(200, await operation(input as Record<string, unknown>));
      } catch (error) {
        if (error instanceof AwsError) return fail(error);
        throw error;
      }
    },
  };
};
