import { Stack } from 'aws-cdk-lib';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';

/** Where a deployed pool's tokens come from and are verified: its issuer and key set. */
export const userPoolOf = (userPool: IUserPool, clients: IUserPoolClient[]) => {
  const issuer = `https://cognito-idp.${Stack.of(userPool).region}.amazonaws.com/${userPool.userPoolId}`;
  return {
    id: userPool.userPoolId,
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    clientIds: clients.map((c) => c.userPoolClientId),
  };
};
