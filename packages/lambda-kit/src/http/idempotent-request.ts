import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { tableName } from '../environment.ts';
import { traced } from '../tracing.ts';
import { HttpProblem, type HttpResult } from './http-result.ts';

/** How long an answer is replayed under its key: at least a day, as clients retry for that long. */
const REPLAY_FOR_S = 24 * 60 * 60;
/** What a client in a hurry is asked to wait before sending the same key again. */
const RETRY_AFTER_S = 2;

/** What is stored under a key: a success, or a 4xx the domain decided. Never a 5xx. */
type Answer =
  | { result: HttpResult }
  | { problem: { status: number; detail: string; extra: Record<string, unknown> } };

interface Keyed {
  /** The caller's scope and their `Idempotency-Key`: two callers' keys never meet. */
  idempotencyKey: string;
  /** What the key was first used with: another payload under it is refused (422). */
  payload: unknown;
}

/**
 * One persistence layer per function (sharing one made keys collide), in the service's own table:
 * records are `pk = idempotency#<function name>`, `sk = <hash of the key>`, expiring by their own
 * timestamp (DynamoDB's TTL only sweeps them away later).
 */
let persistence: DynamoDBPersistenceLayer | undefined;
const persistenceLayer = () => {
  persistence ??= new DynamoDBPersistenceLayer({
    tableName: tableName(),
    keyAttr: 'pk',
    sortKeyAttr: 'sk',
    awsSdkV3Client: traced(new DynamoDBClient({})),
  });
  return persistence;
};

/**
 * Runs an HTTP request at most once per `Idempotency-Key` (Powertools idempotency): a duplicate
 * while the first is in flight answers 409 with `Retry-After`; the same key with another payload
 * answers 422; a success, or a 4xx the domain decided, is replayed for a day. A 5xx or a crash
 * stores nothing, so the client's retry runs again (and the service's own durable records carry
 * it on from where the first attempt stopped).
 */
export const idempotentRequest = async (
  keyed: Keyed,
  context: Context | undefined,
  run: () => Promise<HttpResult>,
): Promise<HttpResult> => {
  const config = new IdempotencyConfig({
    eventKeyJmesPath: 'idempotencyKey',
    payloadValidationJmesPath: 'payload',
    expiresAfterSeconds: REPLAY_FOR_S,
  });
  // An in-flight record expires with the invocation, so a crash does not block its key for long.
  if (context) config.registerLambdaContext(context);
  const once = makeIdempotent(
    async (_keyed: Keyed): Promise<Answer> => {
      try {
        return { result: await run() };
      } catch (error) {
        if (error instanceof HttpProblem && error.status < 500) {
          return { problem: { status: error.status, detail: error.detail, extra: error.extra } };
        }
        throw error;
      }
    },
    { persistenceStore: persistenceLayer(), config },
  );
  let answer: Answer;
  try {
    answer = await once(keyed);
  } catch (error) {
    if (error instanceof IdempotencyAlreadyInProgressError) {
      throw new HttpProblem(
        409,
        'A request with this Idempotency-Key is still in progress.',
        { code: 'request-in-progress' },
        { 'retry-after': String(RETRY_AFTER_S) },
      );
    }
    if (error instanceof IdempotencyValidationError) {
      throw new HttpProblem(422, 'This Idempotency-Key was used with another request.', {
        errors: [{ path: 'headers.idempotency-key', message: 'was used with another body' }],
      });
    }
    throw error;
  }
  if ('problem' in answer) {
    throw new HttpProblem(answer.problem.status, answer.problem.detail, answer.problem.extra);
  }
  return answer.result;
};
