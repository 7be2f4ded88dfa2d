import * as z from 'zod';

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
