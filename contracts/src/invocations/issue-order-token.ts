import * as z from 'zod';
import { OrderId } from '../ids.ts';
import { defineInvocation } from './define-invocation.ts';

/** `identity.issueOrderToken`: a short signed token that reaches one order, for its buyer. */
export const IssueOrderTokenInvocation = defineInvocation({
  ref: 'identity.issueOrderToken',
  request: z.object({ orderId: OrderId }),
  response: z.object({ orderToken: z.string().min(1) }),
});
