import { randomBytes } from 'node:crypto';
import { generateKey, isGeneratedKind, type SecretKind } from '@mytabs/plan';
import { testGoogleServiceAccount, testPassCertificate } from './wallet-test-credentials.ts';

/**
 * Local values for the secrets the manifests name: our own keys generated as the deploy's key
 * resource generates them, the Stripe credentials the emulator accepts, wallet credentials of
 * our own making (a self-signed pass certificate, a service-account key Google never issued).
 */
export const seedValue = (kind: SecretKind): string => {
  if (isGeneratedKind(kind)) return generateKey(kind);
  // The Stripe emulator accepts any sk_test_ key; a fixed one keeps restarts predictable.
  if (kind === 'stripe-secret-key') return 'sk_test_mytabs_local_0000000000000000';
  if (kind === 'stripe-webhook-secret') return `whsec_${randomBytes(24).toString('hex')}`;
  if (kind === 'apple-pass-certificate') return testPassCertificate();
  if (kind === 'google-wallet-service-account') return testGoogleServiceAccount();
  return randomBytes(24).toString('hex');
};
