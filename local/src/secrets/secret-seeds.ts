import { generateKeyPairSync, randomBytes } from 'node:crypto';

/**
 * Local values for the secrets the manifests name, first matching rule wins. Add a rule here when a
 * new kind of secret needs a particular shape; anything else gets random bytes.
 */
export const secretSeeds: ReadonlyArray<{ matches: RegExp; value: () => string }> = [
  // The Stripe emulator accepts any sk_test_ key; a fixed one keeps restarts predictable.
  { matches: /^stripe-(secret|api)-key$/, value: () => 'sk_test_mytabs_local_0000000000000000' },
  { matches: /^stripe-webhook-secret$/, value: () => `whsec_${randomBytes(24).toString('hex')}` },
  // Asymmetric signing keys (ticket QR codes): an Ed25519 private key as PKCS8 PEM.
  {
    matches: /-ed25519-key$/,
    value: () =>
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  },
  // HMAC signing keys (order tokens and the like): 256 random bits, base64url.
  { matches: /(signing|token)-(key|secret)$/, value: () => randomBytes(32).toString('base64url') },
];

export const seedValue = (secretName: string) =>
  (
    secretSeeds.find((s) => s.matches.test(secretName))?.value ??
    (() => randomBytes(24).toString('hex'))
  )();
