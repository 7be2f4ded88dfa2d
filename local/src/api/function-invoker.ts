/**
 * How the API reaches the local Lambda service: invoke a function by name with an event, as
 * Lambda's synchronous Invoke does. The local Lambda gives the handler its context and enforces the
 * function's timeout; a timeout or a thrown error comes back as a function error, as on AWS.
 */
export type Invocation =
  | { ok: true; payload: unknown }
  | { ok: false; errorType: string; errorMessage: string };

export type InvokeFunction = (
  functionName: string,
  event: unknown,
  traceHeader: string,
) => Promise<Invocation>;
