import { createPrivateKey } from 'node:crypto';
import { createRequire } from 'node:module';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { IssueOrderTokenInvocation } from '@mytabs/contracts';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { invokeFunction } from '@mytabs/lambda-kit';
import {
  localNames,
  localUserPool,
  type RepoPlatform,
  repoRoot,
  startRepoPlatform,
} from '@mytabs/local';
import { decodeJwt, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The local pool's own signing key (cognito-local ships one), to forge tokens that differ in one claim. */
const poolKey = createRequire(import.meta.url)(
  'cognito-local/lib/keys/cognitoLocal.private.json',
) as {
  pem: string;
};

let local: RepoPlatform;
let idToken: string;
let issuer: string;
let clientId: string;

beforeAll(async () => {
  local = await startRepoPlatform();
  const manifests = await loadManifests(repoRoot);
  ({ clientId } = localUserPool(manifests));
  issuer = `${local.endpoints.edge}/${localUserPool(manifests).poolId}`;
  idToken = await local.signIn({
    email: 'ada@example.com',
    password: 'Lovelace-1815!',
    name: 'Ada',
    groups: ['staff'],
  });
}, 90_000);
afterAll(() => local?.close());

const me = (token: string) =>
  fetch(`${local.endpoints.api}/users/me`, { headers: { authorization: `Bearer ${token}` } });

/** A token like the pool's ID token, signed with the pool's key, with some claims changed. */
const forged = async (changes: {
  iss?: string;
  aud?: string;
  expiresAt?: number;
  tokenUse?: string;
}) => {
  const claims = decodeJwt(idToken);
  return new SignJWT({
    ...claims,
    token_use: changes.tokenUse ?? 'id',
    aud: changes.aud ?? clientId,
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' })
    .setIssuer(changes.iss ?? issuer)
    .setIssuedAt()
    .setExpirationTime(changes.expiresAt ?? Math.floor(Date.now() / 1000) + 600)
    .sign(createPrivateKey(poolKey.pem));
};

describe('the authorizer', () => {
  it('lets a signed-in user in, and tells the handler who they are', async () => {
    const response = await me(idToken);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      userId: `usr_${String(decodeJwt(idToken).sub).replaceAll('-', '')}`,
      email: 'ada@example.com',
      groups: ['staff'],
      businesses: [],
    });
  });

  it('accepts a token forged only in the way a test needs, so the refusals below are meaningful', async () => {
    expect((await me(await forged({}))).status).toBe(200);
  });

  it.each([
    ['expired', { expiresAt: Math.floor(Date.now() / 1000) - 60 }],
    ['from another issuer', { iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other' }],
    ['for another app client', { aud: 'someotherclientid000000000' }],
    ['of an unknown token use', { tokenUse: 'refresh' }],
  ])('refuses a token %s with 401', async (_, changes) => {
    const response = await me(await forged(changes));
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('refuses a tampered token with 401', async () => {
    const [header, payload, signature] = idToken.split('.');
    const claims = JSON.parse(Buffer.from(String(payload), 'base64url').toString());
    const tampered = Buffer.from(
      JSON.stringify({ ...claims, 'cognito:groups': ['admin'] }),
    ).toString('base64url');
    expect((await me(`${header}.${tampered}.${signature}`)).status).toBe(401);
  });

  it('refuses a missing token with 401', async () => {
    expect((await fetch(`${local.endpoints.api}/users/me`)).status).toBe(401);
  });

  it('lets an order token reach nothing but its order: a user route answers 401', async () => {
    const lambda = new LambdaClient({
      endpoint: local.endpoints.edge,
      region: 'us-east-1',
      credentials: { accessKeyId: 'orders.test', secretAccessKey: 'test' },
    });
    const { orderToken } = await invokeFunction(
      lambda,
      localNames.function('identity', 'issueOrderToken'),
      IssueOrderTokenInvocation,
      {
        orderId: 'ord_someorder1',
      },
    );
    const response = await me(orderToken);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ detail: expect.stringContaining('order token') });
  });
});
