import * as z from 'zod';

/** A fault lasts this long unless it says otherwise: none stays on by being forgotten. */
export const DEFAULT_FAULT_SECONDS = 300;

const lasting = {
  /** Ends after this many calls it failed (and in any case when its time is up). */
  times: z.number().int().min(1).optional(),
  /** Ends this many seconds after it was set. */
  seconds: z.number().int().min(1).max(86_400).default(DEFAULT_FAULT_SECONDS),
};

/**
 * A fault to inject, as `POST /_local/faults` takes it and `--fault` spells it: what fails and for
 * how long. Each answers what AWS (or Stripe) would when that part is down.
 */
export const FaultSpec = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('function'),
    /** `mytabs-local-<service>-<function>` or `<service>.<function>`. */
    function: z.string().min(1),
    /** The error the invocation fails with, as a handler's thrown error's name. */
    errorType: z
      .string()
      .regex(/^[A-Za-z][\w.]*$/)
      .default('InjectedFault'),
    /**
     * `error` (when omitted): the invocation fails with `errorType`, its handler not run. `kill`: the
     * handler runs (its side effects happen), then its worker is killed before it answers, as
     * when Lambda's runtime dies: Invoke answers `Runtime.ExitError` (Step Functions:
     * `Lambda.Unknown`) and the next invocation starts a new worker.
     */
    mode: z.enum(['error', 'kill']).optional(),
    /** Only invocations whose event (its JSON text) contains this, e.g. an order id. */
    matching: z.string().min(1).optional(),
    ...lasting,
  }),
  z.object({
    kind: z.literal('ses'),
    /**
     * `refuse`: SES's MessageRejected (400); `throttle`: TooManyRequestsException (429). `bounce`
     * and `complain`: SES takes the email, then reports a permanent bounce or a complaint for it
     * on the default bus, as the configuration set it was sent with asks.
     */
    mode: z.enum(['refuse', 'throttle', 'bounce', 'complain']),
    /** Only SendEmail calls to this address fail; every one when omitted. */
    recipient: z.email().optional(),
    ...lasting,
  }),
  z.object({
    kind: z.literal('stripe'),
    /** `5xx`: Stripe's api_error with `status`; `timeout`: no answer until the fault ends. */
    mode: z.enum(['5xx', 'timeout']),
    status: z.number().int().min(500).max(599).default(500),
    ...lasting,
  }),
  z.object({
    kind: z.literal('dynamodb'),
    /** The table whose requests answer ProvisionedThroughputExceededException. */
    table: z.string().min(1),
    ...lasting,
  }),
]);
export type FaultSpec = z.infer<typeof FaultSpec>;
export type FaultKind = FaultSpec['kind'];
