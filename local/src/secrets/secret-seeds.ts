import { randomBytes } from 'node:crypto';

/**
 * Local values for the secrets the manifests name, first matching rule wins. Add a rule here when a
 * new kind of secret needs a particular shape; anything else gets random bytes.
 */
export const secretSeeds: ReadonlyArray<{ matches: RegExp; value: () => string }> = [
  // The Stripe emulator accepts any sk_test_ key; a fixed one keeps restarts predictable.
  { matches: /^stripe-(secret|api)-key$/, value: () => 'sk_test_mytabs_local_0000000000000000' },
  { matches: /^stripe-webhook-secret$/, value: () => `whsec_${randomBytes(24).toString('hex')}` },
  // HMAC signing keys (order tokens and the like): 256 random bits, base64url.
  { matches: /(signing|token)-(key|secret)$/, value: () => randomBytes(32).toString('base64url') },
];

export const seedValue = (secretName: string) =>
  (
    secretSeeds.find((s) => s.matches.test(secretName))?.value ??
    (() => randomBytes(24).toString('hex'))
  )();
