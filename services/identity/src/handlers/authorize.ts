import { toAuthorizerContext } from '@mytabs/contracts';
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { repository } from '../adapters/aws-clients.ts';
import { verifyCognitoToken } from '../adapters/cognito-verifier.ts';
import { orderTokenKey } from '../adapters/order-token-key.ts';
import { allowWholeApi } from '../domain/allow-policy.ts';
import { bearerToken } from '../domain/bearer-token.ts';
import { verifyOrderToken } from '../domain/order-token.ts';
import { userIdOf } from '../domain/user-id.ts';

/** API Gateway answers 401 to exactly this error message, and 500 to anything else thrown. */
const unauthorized = () => new Error('Unauthorized');

/**
 * The REQUEST authorizer of every protected route: a Cognito ID or access token, or an order
 * token. It says who the caller is (a flat context); what they may touch is for each service.
 */
export const handler = async (
  event: APIGatewayRequestAuthorizerEvent,
): Promise<APIGatewayAuthorizerResult> => {
  const token = bearerToken(event.headers);
  if (!token) throw unauthorized();

  const orderId = await verifyOrderToken(token, await orderTokenKey());
  if (orderId) {
    return allowWholeApi(
      event.methodArn,
      `order:${orderId}`,
      toAuthorizerContext({ principalType: 'order', orderId }),
    );
  }

  const claims = await verifyCognitoToken(token);
  if (!claims) throw unauthorized();
  const userId = userIdOf(claims.sub);
  const { memberships } = await repository().readUser(userId);
  return allowWholeApi(
    event.methodArn,
    userId,
    toAuthorizerContext({
      principalType: 'user',
      userId,
      ...(claims.email && { email: claims.email }),
      groups: claims.groups,
      memberships,
    }),
  );
};
