import { IssueOrderTokenInvocation } from '@mytabs/contracts';
import { invocationHandler } from '@mytabs/lambda-kit';
import { orderTokenKey } from '../adapters/order-token-key.ts';
import { issueOrderToken } from '../domain/order-token.ts';

/** `identity.issueOrderToken`, for orders and notifications: only identity holds the signing key. */
export const handler = invocationHandler(
  IssueOrderTokenInvocation,
  async ({ orderId, validUntil }) => ({
    orderToken: await issueOrderToken(orderId, await orderTokenKey(), {
      ...(validUntil && { validUntil: new Date(validUntil) }),
    }),
  }),
);
