import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  DescribeUserPoolClientCommand,
  InitiateAuthCommand,
  InvalidPasswordException,
  ListGroupsCommand,
  ListUserPoolsCommand,
  NotAuthorizedException,
  SignUpCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognito } from '../../src/cognito/cognito-component.ts';
import { userPoolClientId, userPoolId } from '../../src/cognito/pool-ids.ts';
import { localNames } from '../../src/naming.ts';
import { type Platform, startPlatform } from '../../src/platform.ts';
import { fixtureRoot } from '../fixtures/api/fixture-root.ts';

const poolName = localNames.userPool('fixture-user-pool');
const poolId = userPoolId(poolName);
const clientId = userPoolClientId(poolName, 'web');
const password = 'Passw0rdOk';

const start = async (dataDir?: string) => {
  const lines: string[] = [];
  const platform = await startPlatform({
    manifests: await loadManifests(fixtureRoot),
    components: [cognito],
    ...(dataDir ? { dataDir } : {}),
    log: (line) => lines.push(line),
  });
  const client = new CognitoIdentityProviderClient({
    endpoint: platform.endpoints.edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  return { platform, client, lines };
};

describe('Cognito on the edge', () => {
  let platform: Platform;
  let client: CognitoIdentityProviderClient;
  let lines: string[];
  beforeAll(async () => {
    ({ platform, client, lines } = await start());
  });
  afterAll(() => platform.close());

  const signIn = async (email: string) => {
    const { AuthenticationResult } = await client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: password },
      }),
    );
    const idToken = AuthenticationResult?.IdToken as string;
    return {
      idToken,
      accessToken: AuthenticationResult?.AccessToken as string,
      claims: decodeJwt(idToken),
    };
  };

  it("creates the manifest's pool, groups and client with stable ids, and prints them", async () => {
    const { UserPools } = await client.send(new ListUserPoolsCommand({ MaxResults: 10 }));
    expect(UserPools?.map((p) => [p.Name, p.Id])).toEqual([[poolName, poolId]]);
    expect(poolId).toMatch(/^us-east-1_[0-9A-Za-z]{9}$/);
    const { Groups } = await client.send(new ListGroupsCommand({ UserPoolId: poolId }));
    expect(Groups?.map((g) => g.GroupName).sort()).toEqual(['organizer', 'staff']);
    const { UserPoolClient } = await client.send(
      new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }),
    );
    expect(UserPoolClient?.ClientName).toBe('web');
    expect(UserPoolClient?.ExplicitAuthFlows).toContain('ALLOW_USER_PASSWORD_AUTH');
    expect(lines.some((l) => l.includes(poolId) && l.includes(`web=${clientId}`))).toBe(true);
  });

  it('signs up, confirms (post-confirmation fires), signs in; the tokens verify with the advertised keys', async () => {
    const email = 'ada@example.com';
    const signUp = await client.send(
      new SignUpCommand({ ClientId: clientId, Username: email, Password: password }),
    );
    expect(signUp.UserConfirmed).toBe(false);
    const code = lines
      .map((l) => new RegExp(`code (\\S+) for ${email}`).exec(l)?.[1])
      .find(Boolean) as string;
    expect(code).toBeDefined();
    await client.send(
      new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: code }),
    );

    const triggerEvent = lines
      .map((l) => /post-confirmation event (\{.*\})/.exec(l)?.[1])
      .find(Boolean) as string;
    expect(JSON.parse(triggerEvent)).toMatchObject({
      triggerSource: 'PostConfirmation_ConfirmSignUp',
      region: 'us-east-1',
      userPoolId: poolId,
      userName: signUp.UserSub,
      callerContext: { clientId },
      request: { userAttributes: { email, sub: signUp.UserSub } },
    });

    const { idToken, accessToken } = await signIn(email);

    const issuer = decodeJwt(idToken).iss as string;
    expect(issuer).toBe(`${platform.endpoints.edge}/${poolId}`);
    expect(platform.endpoints[`issuer ${poolName}`]).toBe(issuer);
    const keys = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
    const id = await jwtVerify(idToken, keys, { issuer, audience: clientId });
    expect(id.payload).toMatchObject({
      token_use: 'id',
      email,
      sub: signUp.UserSub,
      // The post-confirmation trigger put the user in a group; pre-token-generation added a claim.
      'cognito:groups': ['organizer'],
      plan: 'pro',
    });
    const access = await jwtVerify(accessToken, keys, { issuer });
    expect(access.payload).toMatchObject({
      token_use: 'access',
      client_id: clientId,
      'cognito:groups': ['organizer'],
    });

    // aws-jwt-verify fetches key sets over https only by default; a fetcher on `fetch` takes
    // http too, so the same verifier works with configuration alone, here and on AWS.
    const verifier = JwtVerifier.create(
      { issuer, audience: null, jwksUri: `${issuer}/.well-known/jwks.json` },
      {
        jwksCache: new SimpleJwksCache({
          fetcher: { fetch: (uri: string) => fetch(uri).then((r) => r.arrayBuffer()) },
        }),
      },
    );
    expect(await verifier.verify(accessToken)).toMatchObject({ client_id: clientId });

    const config = await fetch(`${issuer}/.well-known/openid-configuration`).then((r) => r.json());
    expect(config).toMatchObject({ issuer, jwks_uri: `${issuer}/.well-known/jwks.json` });
  });

  it('says whether the email is verified as Cognito does, and keeps the verified one until a change is confirmed', async () => {
    const createUser = async (email: string, verified: 'true' | 'false') => {
      await client.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: email,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: verified },
          ],
        }),
      );
      await client.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: poolId,
          Username: email,
          Password: password,
          Permanent: true,
        }),
      );
    };

    await createUser('unproven@example.com', 'false');
    expect((await signIn('unproven@example.com')).claims).toMatchObject({
      email: 'unproven@example.com',
      email_verified: false,
    });

    await createUser('bea@example.com', 'true');
    const before = await signIn('bea@example.com');
    expect(before.claims).toMatchObject({ email: 'bea@example.com', email_verified: true });
    await client.send(
      new UpdateUserAttributesCommand({
        AccessToken: before.accessToken,
        UserAttributes: [{ Name: 'email', Value: 'someone.else@example.com' }],
      }),
    );
    // Until the new address is confirmed, the token still names the verified one.
    expect((await signIn('bea@example.com')).claims).toMatchObject({
      email: 'bea@example.com',
      email_verified: true,
    });
    const code = lines
      .map((l) => /code (\S+) for someone\.else@example\.com/.exec(l)?.[1])
      .find(Boolean) as string;
    expect(code).toBeDefined();
    await client.send(
      new VerifyUserAttributeCommand({
        AccessToken: before.accessToken,
        AttributeName: 'email',
        Code: code,
      }),
    );
    // Email is the sign-in name: the confirmed address is the one to sign in with now.
    expect((await signIn('someone.else@example.com')).claims).toMatchObject({
      email: 'someone.else@example.com',
      email_verified: true,
    });
  });

  it("refuses a sign-up whose password breaks the manifest's policy", async () => {
    const attempt = (pw: string) =>
      client.send(
        new SignUpCommand({ ClientId: clientId, Username: 'cy@example.com', Password: pw }),
      );
    const short = await attempt('Sh0rt').catch((error: unknown) => error);
    expect(short).toBeInstanceOf(InvalidPasswordException);
    expect((short as Error).message).toBe(
      'Password did not conform with policy: Password not long enough',
    );
    await expect(attempt('nouppercase1')).rejects.toThrow(/must have uppercase characters/);
    await expect(attempt('NoDigitsHere')).rejects.toThrow(/must have numeric characters/);
  });

  it('refuses a wrong password as Cognito does', async () => {
    await expect(
      client.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'ada@example.com', PASSWORD: 'wrong' },
        }),
      ),
    ).rejects.toBeInstanceOf(NotAuthorizedException);
  });
});

describe('Cognito with --data-dir', () => {
  it('keeps users across a restart, under the same pool and client ids', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mytabs-cognito-test-'));
    try {
      const first = await start(dataDir);
      await first.client.send(
        new SignUpCommand({ ClientId: clientId, Username: 'bo@example.com', Password: password }),
      );
      await first.client.send(
        new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'bo@example.com' }),
      );
      await first.platform.close();

      const second = await start(dataDir);
      try {
        const { AuthenticationResult } = await second.client.send(
          new InitiateAuthCommand({
            ClientId: clientId,
            AuthFlow: 'USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: 'bo@example.com', PASSWORD: password },
          }),
        );
        expect(decodeJwt(AuthenticationResult?.IdToken as string).email).toBe('bo@example.com');
      } finally {
        await second.platform.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
