import * as z from 'zod';
import { jsonText } from '../json-text.ts';

/**
 * What each kind of secret holds once it is really set. CloudFormation creates a secret with a
 * random placeholder of 32 printable characters, which matches none of these: a function, the
 * preflight and the key resource tell "not configured yet" from a value that can be used.
 */
export const StripeSecretKey = z
  .string()
  .regex(/^(sk|rk)_(test|live)_[0-9A-Za-z_]{10,}$/, 'must be a Stripe secret or restricted key');

export const StripeWebhookSecret = z
  .string()
  .regex(/^whsec_[0-9A-Za-z+/=_-]{10,}$/, 'must be a Stripe webhook signing secret (whsec_…)');

/** An Ed25519 private key as PKCS8 PEM (the tickets' QR codes are signed with it). */
export const Ed25519PrivateKeyPem = z
  .string()
  .regex(
    /^-----BEGIN PRIVATE KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END PRIVATE KEY-----\r?\n?$/,
    'must be a PKCS8 PEM private key',
  );

/** A symmetric signing key (order tokens): at least 256 bits, base64url. */
export const HmacKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43,}$/, 'must be at least 256 bits of base64url');

const pem = (label: string) =>
  z.string().regex(new RegExp(`-----BEGIN ${label}-----[\\s\\S]+-----END ${label}-----`));

/**
 * What signs Apple Wallet passes, as one JSON secret: the pass type's certificate Apple issued
 * and its private key, Apple's WWDR intermediate certificate that issued it, and the ids the
 * pass must name (the certificate's pass type identifier and the team's).
 */
export const ApplePassCertificate = jsonText(
  z.object({
    passTypeIdentifier: z
      .string()
      .regex(/^pass\./, 'must be a pass type id, pass.<reverse domain>'),
    teamIdentifier: z.string().regex(/^[A-Z0-9]{10}$/, 'must be an Apple team id'),
    signerCertPem: pem('CERTIFICATE'),
    signerKeyPem: pem('(RSA |EC )?PRIVATE KEY'),
    wwdrCertPem: pem('CERTIFICATE'),
  }),
);
export type ApplePassCertificate = z.output<typeof ApplePassCertificate>;

/**
 * What signs "Save to Google Wallet" links: the service account's key file as Google Cloud gives
 * it (only the fields used are checked) with the Wallet issuer's id added.
 */
export const GoogleWalletServiceAccount = jsonText(
  z.looseObject({
    issuerId: z.string().regex(/^\d+$/, 'must be the Google Wallet issuer id (digits)'),
    client_email: z.email(),
    private_key: pem('PRIVATE KEY'),
  }),
);
export type GoogleWalletServiceAccount = z.output<typeof GoogleWalletServiceAccount>;
