import { createHash } from 'node:crypto';
import type { UserPoolPlan } from '@mytabs/plan';
import { REGION } from '../naming.ts';

const digits = (seed: string, alphabet: string, length: number) => {
  const hash = createHash('sha256').update(seed).digest();
  return Array.from({ length }, (_, i) => alphabet[(hash[i] as number) % alphabet.length]).join('');
};

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Ids derived from the manifest's names, in the shapes Cognito uses (`us-east-1_` + 9
 * alphanumerics; 26 lower-case alphanumerics for a client), so they are the same on every start
 * and every machine: a client can be configured once.
 */
export const userPoolId = (poolName: string) =>
  `${REGION}_${digits(`pool:${poolName}`, base62, 9)}`;

export const userPoolClientId = (poolName: string, clientName: string) =>
  digits(`client:${poolName}:${clientName}`, '0123456789abcdefghijklmnopqrstuvwxyz', 26);

/** The stage's user pool as the local Cognito serves it at the edge, for functions that verify its tokens. */
export const localUserPoolOf = (pool: UserPoolPlan, edgeUrl: string) => {
  const id = userPoolId(pool.name);
  const issuer = `${edgeUrl}/${id}`;
  return {
    id,
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    clientIds: pool.spec.clients.map((c) => userPoolClientId(pool.name, c.name)),
  };
};
