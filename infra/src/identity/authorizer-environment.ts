import { Stack } from 'aws-cdk-lib';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';

/**
 * What the API authorizer needs to verify Cognito tokens: the pool's issuer, its key-set URL and
 * the client ids a token may come from. `functionEnvironment` has no user pool yet, so the names
 * are the identity service's (services/identity/src/config.ts).
 */
export const authorizerEnvironment = (
  userPool: IUserPool,
  clients: IUserPoolClient[],
): Record<string, string> => {
  const issuer = `https://cognito-idp.${Stack.of(userPool).region}.amazonaws.com/${userPool.userPoolId}`;
  return {
    USER_POOL_ISSUER: issuer,
    USER_POOL_JWKS_URL: `${issuer}/.well-known/jwks.json`,
    USER_POOL_CLIENT_IDS: clients.map((c) => c.userPoolClientId).join(','),
  };
};
