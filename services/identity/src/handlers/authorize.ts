import { toAuthorizerContext } from '@mytabs/contracts';
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { allowWholeApi } from '../adapters/allow-policy.ts';
import { claimInvitationsOrRetryLater } from '../adapters/claim-invitations.ts';
import { verifyCognitoToken } from '../adapters/cognito-verifier.ts';
import { orderTokenKey } from '../adapters/order-token-key.ts';
import { repository } from '../adapters/repositories.ts';
import { authorizationHeader, bearerToken } from '../domain/bearer-token.ts';
import { emailToClaim } from '../domain/email-address.ts';
import { verifyOrderToken } from '../domain/order-token.ts';
import { userIdOf } from '../domain/user-id.ts';

/** API Gateway answers 401 to exactly this error message, and 500 to anything else thrown. */
const unauthorized = () => new Error('Unauthorized');

/**
 * The REQUEST authorizer of every route that is not `public`: a Cognito ID or access token, or an
 * order token. It says who the caller is (a flat context), with their memberships as stored now
 * (nothing is cached: a removed member is refused on their next request); what they may touch
 * is for each service. A token carrying a verified email not claimed yet claims its invitations
 * first, so the request that follows a sign-up already has the memberships they started. Only a
 * route whose token is optional (`public-or-user`, `token-or-link`) reaches it without an
 * `Authorization` header (the other routes' identity source makes API Gateway answer 401 first):
 * that caller is anonymous. A header that is sent
 * must hold a valid token, so a client that thinks it signed in is told it did not.
 */
export const handler = async (
  event: APIGatewayRequestAuthorizerEvent,
): Promise<APIGatewayAuthorizerResult> => {
  if (authorizationHeader(event.headers) === undefined) {
    return allowWholeApi(
      event.methodArn,
      'anonymous',
      toAuthorizerContext({ principalType: 'anonymous' }),
    );
  }
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
  const users = repository();
  const found = await users.readUser(userId);
  let { memberships } = found;
  const email = emailToClaim(claims, found.claimedEmails);
  if (
    email &&
    (await claimInvitationsOrRetryLater(
      userId,
      email,
      found.claimedEmails,
      event.requestContext.requestId,
    ))
  ) {
    ({ memberships } = await users.readUser(userId));
  }
  return allowWholeApi(
    event.methodArn,
    userId,
    toAuthorizerContext({
      principalType: 'user',
      userId,
      ...(claims.email && { email: claims.email }),
      emailVerified: claims.emailVerified,
      groups: claims.groups,
      memberships,
    }),
  );
};
