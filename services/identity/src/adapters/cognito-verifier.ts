import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { env } from '../config.ts';

export interface CognitoClaims {
  sub: string;
  email?: string;
  /** Only an ID token says so (`email_verified`); an access token carries no email at all. */
  emailVerified: boolean;
  groups: string[];
}

let verifier: ReturnType<typeof JwtVerifier.create> | undefined;

const verifierFor = () => {
  if (verifier) return verifier;
  const issuer = env('USER_POOL_ISSUER');
  // A fetcher on `fetch` reads the key set over http as well as https, so the local user pool's
  // tokens verify with configuration alone, as the real pool's do.
  verifier = JwtVerifier.create(
    { issuer, audience: null, jwksUri: env('USER_POOL_JWKS_URL') },
    {
      jwksCache: new SimpleJwksCache({
        fetcher: { fetch: (uri: string) => fetch(uri).then((r) => r.arrayBuffer()) },
      }),
    },
  );
  return verifier;
};

/**
 * Verifies a Cognito ID or access token: signature against the pool's key set, issuer, expiry,
 * token use, and that it was issued to one of our app clients (`aud` for ID tokens, `client_id`
 * for access tokens). Undefined for any token that fails.
 */
export const verifyCognitoToken = async (token: string): Promise<CognitoClaims | undefined> => {
  const clientIds = env('USER_POOL_CLIENT_IDS');
  try {
    const payload = await verifierFor().verify(token);
    const client = payload.token_use === 'id' ? payload.aud : payload.client_id;
    if (!['id', 'access'].includes(String(payload.token_use))) return undefined;
    if (typeof client !== 'string' || !clientIds.includes(client)) return undefined;
    const groups = payload['cognito:groups'];
    return {
      sub: String(payload.sub),
      ...(typeof payload.email === 'string' && { email: payload.email }),
      emailVerified: payload.email_verified === true,
      groups: Array.isArray(groups) ? groups.map(String) : [],
    };
  } catch {
    return undefined;
  }
};
