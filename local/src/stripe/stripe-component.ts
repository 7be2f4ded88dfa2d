import type { PlatformComponent } from '../component.ts';
import { startStripeEmulator } from './stripe-emulator.ts';
import { webhookSecret } from './stripe-ids.ts';

/**
 * Where Stripe sends events: the payments service's webhook route on the local API
 * (`POST /payments/webhook`). On AWS this URL is the webhook endpoint configured at Stripe.
 */
export const WEBHOOK_PATH = '/payments/webhook';
const WEBHOOK_SECRET = 'stripe-webhook-secret';

/**
 * The Stripe emulator as a platform component. List it after `api`: it delivers webhooks to the
 * API's URL, signed with the local Secrets Manager's `stripe-webhook-secret` (the value the
 * payments service verifies with); if no manifest names that secret yet, it registers one.
 */
export const stripe: PlatformComponent = {
  name: 'stripe',
  port: { default: 12111, envVar: 'MYTABS_STRIPE_PORT', description: 'Stripe emulator' },
  async start(context) {
    if (!context.secrets.byKey(WEBHOOK_SECRET)) {
      context.secrets.add(WEBHOOK_SECRET, webhookSecret());
    }
    const secret = context.secrets.value(WEBHOOK_SECRET);
    const api = context.endpoints.api;
    const webhookUrl = api ? `${api}${WEBHOOK_PATH}` : undefined;
    const emulator = await startStripeEmulator({
      port: context.port,
      webhookEndpoints: webhookUrl ? [{ url: webhookUrl, secret }] : [],
      log: context.log,
      faults: context.faults,
    });
    // Functions that hold a Stripe key talk to the emulator; on AWS the variable is absent and
    // the SDK uses api.stripe.com. Workers start on first call, after this, so they all see it.
    for (const fn of context.lambda.functions.values()) {
      if (fn.spec.uses.secrets?.some((s) => s.startsWith('stripe-'))) {
        fn.environment.STRIPE_API_URL = emulator.url;
      }
    }
    // As `stripe listen` announces itself, so a developer can verify events by hand.
    context.log(
      webhookUrl
        ? `stripe: Ready! You are using Stripe API Version [${emulator.apiVersion}]. Your webhook signing secret is ${secret} (forwarding to ${webhookUrl})`
        : 'stripe: no local API is running, so webhooks are not delivered',
    );
    return { endpoints: { stripe: emulator.url }, close: emulator.close };
  },
};
