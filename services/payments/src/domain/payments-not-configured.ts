/**
 * The Stripe credentials are still the placeholders a first deploy creates. Nothing may move
 * money (or pretend to) until an operator puts the real ones: checkout refuses before holding a
 * seat, and a webhook is refused so that Stripe delivers it again later.
 */
export class PaymentsNotConfigured extends Error {
  override name = 'PaymentsNotConfigured';
  constructor(readonly secret: 'stripe-secret-key' | 'stripe-webhook-secret') {
    super(
      `${secret} is not set: put it in Secrets Manager (npm run preflight lists what is missing)`,
    );
  }
}
