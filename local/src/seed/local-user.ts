import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { LoadedManifest } from '@mytabs/contracts/manifest/load-manifests';
import { userPoolClientId, userPoolId } from '../cognito/pool-ids.ts';
import { localNames, REGION } from '../naming.ts';

export interface LocalUser {
  email: string;
  password: string;
  name: string;
  groups?: string[];
}

/** The identity manifest's pool and its first client, as the local Cognito serves them. */
export const localUserPool = (manifests: readonly LoadedManifest[]) => {
  const pool = manifests.find((l) => l.manifest.userPool)?.manifest.userPool;
  const client = pool?.clients[0];
  if (!pool || !client) throw new Error('No manifest declares a user pool with a client');
  const name = localNames.userPool(pool.name);
  return { poolId: userPoolId(name), clientId: userPoolClientId(name, client.name) };
};

/**
 * A confirmed user with a permanent password in the local pool, in the given groups, signed in.
 * Creating one that exists already just signs it in. Returns the ID token.
 */
export const signInLocalUser = async (
  edgeUrl: string,
  manifests: readonly LoadedManifest[],
  user: LocalUser,
): Promise<string> => {
  const { poolId, clientId } = localUserPool(manifests);
  const cognito = new CognitoIdentityProviderClient({
    endpoint: edgeUrl,
    region: REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: user.email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: user.email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: user.name },
        ],
      }),
    );
    await cognito.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: user.email,
        Password: user.password,
        Permanent: true,
      }),
    );
    for (const group of user.groups ?? []) {
      await cognito.send(
        new AdminAddUserToGroupCommand({
          UserPoolId: poolId,
          Username: user.email,
          GroupName: group,
        }),
      );
    }
  } catch (error) {
    if (!(error instanceof UsernameExistsException)) throw error;
  }
  const { AuthenticationResult } = await cognito.send(
    new InitiateAuthCommand({
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: user.email, PASSWORD: user.password },
    }),
  );
  cognito.destroy();
  if (!AuthenticationResult?.IdToken) throw new Error(`Could not sign in ${user.email}`);
  return AuthenticationResult.IdToken;
};
