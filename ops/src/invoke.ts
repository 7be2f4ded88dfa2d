import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { Target } from './target.ts';

/**
 * Runs a function with one event and waits for it: its answer, parsed, or its error as
 * `Type: message` (and then whatever it answered).
 */
export const invokeFunction = async (
  lambda: LambdaClient,
  functionName: string,
  event: unknown,
): Promise<{ answer: unknown; error?: string }> => {
  const response = await lambda.send(
    new InvokeCommand({
      FunctionName: functionName,
      InvocationType: 'RequestResponse',
      Payload: new TextEncoder().encode(JSON.stringify(event)),
    }),
  );
  const text = new TextDecoder().decode(response.Payload ?? new Uint8Array());
  const answer: unknown = text ? JSON.parse(text) : undefined;
  if (!response.FunctionError) return { answer };
  const { errorType, errorMessage } = (answer ?? {}) as {
    errorType?: string;
    errorMessage?: string;
  };
  return { answer, error: `${errorType ?? response.FunctionError}: ${errorMessage ?? ''}` };
};

/** Runs a function with one event as the operator: its error, or undefined when it succeeded. */
export const invokeWith = async (target: Target, functionName: string, event: unknown) =>
  (await invokeFunction(target.lambda, functionName, event)).error;
