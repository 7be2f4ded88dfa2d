import { jwtVerify, SignJWT } from 'jose';

/**
 * The order token: a short signed token that lets a buyer without an account read and cancel the
 * one order they just placed. HS256 with a key from Secrets Manager: only identity signs and
 * verifies it, so a shared secret is enough, and it keeps the token short.
 */
const ISSUER = 'mytabs.identity';
const AUDIENCE = 'mytabs.order';
const DEFAULT_TTL_S = 7 * 24 * 3600;
/** However far ahead an event is, no token outlives a year. */
const MAX_TTL_S = 366 * 24 * 3600;

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/** Lasts `ttlS` (7 days), or until `validUntil` when that is later, a year at most. */
export const issueOrderToken = (
  orderId: string,
  secret: string,
  {
    now = new Date(),
    ttlS = DEFAULT_TTL_S,
    validUntil,
  }: { now?: Date; ttlS?: number; validUntil?: Date } = {},
) => {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const untilS = validUntil ? Math.floor(validUntil.getTime() / 1000) - issuedAt : 0;
  const lifetimeS = Math.min(Math.max(ttlS, untilS), MAX_TTL_S);
  return new SignJWT({ scope: 'order' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(orderId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetimeS)
    .sign(keyOf(secret));
};

/** The order id the token grants, or undefined for a forged, expired or foreign token. */
export const verifyOrderToken = async (
  token: string,
  secret: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<string | undefined> => {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: now,
    });
    return payload.scope === 'order' && typeof payload.sub === 'string' ? payload.sub : undefined;
  } catch {
    return undefined;
  }
};
