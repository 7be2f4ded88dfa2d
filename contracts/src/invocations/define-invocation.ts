import type * as z from 'zod';

/**
 * The shape of a synchronous call between services (`service.function`): what the caller sends
 * and what it gets back. Both sides parse with it, so neither imports the other.
 */
export interface Invocation<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  /** `service.function` as manifests name it. */
  ref: string;
  request: Req;
  response: Res;
}

export const defineInvocation = <Req extends z.ZodType, Res extends z.ZodType>(
  invocation: Invocation<Req, Res>,
) => invocation;
