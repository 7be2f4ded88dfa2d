import * as z from 'zod';
import { OrderId } from '../ids.ts';
import { UtcDateTime } from '../time.ts';
import { defineInvocation } from './define-invocation.ts';

/**
 * `identity.issueOrderToken`: a short signed token that reaches one order, for its buyer. It lasts
 * 7 days, or until `validUntil` when that is later (the link in a ticket email must still open
 * the order on the day of the event), a year at most.
 */
export const IssueOrderTokenInvocation = defineInvocation({
  ref: 'identity.issueOrderToken',
  request: z.object({ orderId: OrderId, validUntil: UtcDateTime.optional() }),
  response: z.object({ orderToken: z.string().min(1) }),
});
