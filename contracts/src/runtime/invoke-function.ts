import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { z } from 'zod';
import type { Invocation } from '../invocations/define-invocation.ts';

/** The called function failed (threw): its error type and message, as Lambda reports them. */
export class InvocationError extends Error {
  override name = 'InvocationError';
  constructor(
    readonly functionName: string,
    readonly errorType: string,
    message: string,
  ) {
    super(`${functionName} failed with ${errorType}: ${message}`);
  }
}

/**
 * A synchronous call of another service's function (Lambda Invoke, RequestResponse), its input
 * and answer checked against the shared contract on both sides.
 */
export const invokeFunction = async <I extends Invocation>(
  client: LambdaClient,
  functionName: string,
  invocation: I,
  input: z.input<I['request']>,
): Promise<z.output<I['response']>> => {
  const result = await client.send(
    new InvokeCommand({
      FunctionName: functionName,
      InvocationType: 'RequestResponse',
      Payload: Buffer.from(JSON.stringify(invocation.request.parse(input))),
    }),
  );
  const text = result.Payload ? Buffer.from(result.Payload).toString('utf8') : 'null';
  const payload = JSON.parse(text) as { errorType?: string; errorMessage?: string };
  if (result.FunctionError) {
    throw new InvocationError(
      functionName,
      payload?.errorType ?? result.FunctionError,
      payload?.errorMessage ?? text,
    );
  }
  return invocation.response.parse(payload) as z.output<I['response']>;
};
