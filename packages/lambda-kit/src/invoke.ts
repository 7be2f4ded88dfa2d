import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { functionVariable, type Invocation } from '@mytabs/contracts';
import type * as z from 'zod';
import { lambdaClient } from './clients/lambda-client.ts';
import { ConfigurationError } from './environment.ts';

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
 * A synchronous call of a function (Lambda Invoke, RequestResponse) through a given client, its
 * input and answer checked against the shared contract on both sides. Tests call through clients
 * signed as one service or another; functions call `invoke`.
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

/**
 * How a function calls another service's: `invoke(HoldSeatsInvocation, input)`. The contract
 * names the function (`ticketing.holdSeats`); the plan puts its name in the caller's environment
 * (`FUNCTION_TICKETING_HOLD_SEATS`) when the caller's manifest lists it in `uses.invoke`.
 */
export const invoke = <I extends Invocation>(
  invocation: I,
  input: z.input<I['request']>,
): Promise<z.output<I['response']>> => {
  const variable = functionVariable(invocation.ref);
  const functionName = process.env[variable];
  if (!functionName) {
    throw new ConfigurationError(
      `${variable} is not set: ${invocation.ref} is not in this function's manifest uses.invoke`,
    );
  }
  return invokeFunction(lambdaClient(), functionName, invocation, input);
};
