import { InvokeCommand } from '@aws-sdk/client-lambda';
import type { Target } from './target.ts';

/**
 * Runs a function with one event and waits for it: answers the function's error (`Type: message`)
 * or undefined when it succeeded.
 */
export const invokeWith = async (
  target: Target,
  functionName: string,
  event: unknown,
): Promise<string | undefined> => {
  const answer = await target.lambda.send(
    new InvokeCommand({
      FunctionName: functionName,
      InvocationType: 'RequestResponse',
      Payload: new TextEncoder().encode(JSON.stringify(event)),
    }),
  );
  if (!answer.FunctionError) return undefined;
  const payload = JSON.parse(new TextDecoder().decode(answer.Payload ?? new Uint8Array())) as {
    errorType?: string;
    errorMessage?: string;
  };
  return `${payload.errorType ?? answer.FunctionError}: ${payload.errorMessage ?? ''}`;
};
