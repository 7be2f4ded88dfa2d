import { STRIPE_API_VERSION } from '@mytabs/contracts';
import Stripe from 'stripe';
import {
  type StripeEmulator,
  type StripeEmulatorOptions,
  startStripeEmulator,
} from '../../src/stripe/stripe-emulator.ts';

export interface StripeFixture {
  emulator: StripeEmulator;
  stripe: Stripe;
}

/** The real SDK, configured as the payments service configures it, against an emulator. */
export const sdkFor = (port: number, key = 'sk_test_emulator') =>
  new Stripe(key, {
    host: '127.0.0.1',
    port,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
    apiVersion: STRIPE_API_VERSION as Stripe.LatestApiVersion,
  });

/** An emulator on a free port with the SDK pointed at it; close it in `afterAll`. */
export const startStripeFixture = async (
  options: Partial<StripeEmulatorOptions> = {},
): Promise<StripeFixture> => {
  const emulator = await startStripeEmulator({
    port: 0,
    webhookEndpoints: [],
    log: () => {},
    ...options,
  });
  return { emulator, stripe: sdkFor(emulator.port) };
};

/** Confirms server-side without a redirect: what an API-only checkout does. */
export const cardOnly = {
  automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
} satisfies Partial<Stripe.PaymentIntentCreateParams>;
