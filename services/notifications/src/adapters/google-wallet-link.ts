import type { GoogleWalletServiceAccount } from '@mytabs/contracts';
import { importPKCS8, SignJWT } from 'jose';
import { googleWalletClaims, type WalletTicket } from '../domain/wallet-pass.ts';

/**
 * "Save to Google Wallet" for an order: `https://pay.google.com/gp/v/save/<JWT>`, the JWT signed
 * RS256 by the Wallet service account's key, so Google creates the objects it carries when the
 * buyer opens it (no call to the Wallet API ahead of time).
 */
export const googleWalletLink = async (
  tickets: readonly WalletTicket[],
  account: GoogleWalletServiceAccount,
  origins: readonly string[],
) => {
  const { iss, aud, ...claims } = googleWalletClaims(
    { issuerId: account.issuerId, serviceAccountEmail: account.client_email },
    tickets,
    origins,
  );
  const jwt = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer(iss)
    .setAudience(aud)
    .setIssuedAt()
    .sign(await importPKCS8(account.private_key, 'RS256'));
  return `https://pay.google.com/gp/v/save/${jwt}`;
};
