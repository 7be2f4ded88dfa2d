import { generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  ApplePassCertificate,
  Ed25519PrivateKeyPem,
  GoogleWalletServiceAccount,
  HmacKey,
  StripeSecretKey,
  StripeWebhookSecret,
} from '@mytabs/contracts';

/**
 * What a manifest's secret holds, by its name: keys of our own are generated (at deploy on AWS, at
 * start locally) and never typed by anyone; third-party credentials are put by an operator.
 */
export type SecretKind =
  | 'ed25519-private-key'
  | 'hmac-key'
  | 'stripe-secret-key'
  | 'stripe-webhook-secret'
  | 'apple-pass-certificate'
  | 'google-wallet-service-account'
  | 'operator-value';

const KINDS: ReadonlyArray<{ matches: RegExp; kind: SecretKind }> = [
  { matches: /-ed25519-key$/, kind: 'ed25519-private-key' },
  { matches: /(signing|token)-(key|secret)$/, kind: 'hmac-key' },
  { matches: /^stripe-(secret|api)-key$/, kind: 'stripe-secret-key' },
  { matches: /^stripe-webhook-secret$/, kind: 'stripe-webhook-secret' },
  { matches: /^apple-pass-certificate$/, kind: 'apple-pass-certificate' },
  { matches: /^google-wallet-service-account$/, kind: 'google-wallet-service-account' },
];

export const secretKindOf = (key: string): SecretKind =>
  KINDS.find((k) => k.matches.test(key))?.kind ?? 'operator-value';

/** Keys of our own: generated where they live, rotated by generating a new version. */
export const isGeneratedKind = (kind: SecretKind): kind is 'ed25519-private-key' | 'hmac-key' =>
  kind === 'ed25519-private-key' || kind === 'hmac-key';

const SHAPES: Record<SecretKind, { safeParse: (v: unknown) => { success: boolean } } | undefined> =
  {
    'ed25519-private-key': Ed25519PrivateKeyPem,
    'hmac-key': HmacKey,
    'stripe-secret-key': StripeSecretKey,
    'stripe-webhook-secret': StripeWebhookSecret,
    'apple-pass-certificate': ApplePassCertificate,
    'google-wallet-service-account': GoogleWalletServiceAccount,
    'operator-value': undefined,
  };

/** True when `value` is what a secret of this kind holds once set, not a placeholder. */
export const isConfiguredValue = (kind: SecretKind, value: string | undefined): boolean =>
  value !== undefined && value !== '' && (SHAPES[kind]?.safeParse(value).success ?? true);

/** A new key of one of our own kinds. */
export const generateKey = (kind: 'ed25519-private-key' | 'hmac-key'): string =>
  kind === 'ed25519-private-key'
    ? generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    : randomBytes(32).toString('base64url');
