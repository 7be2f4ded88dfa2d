import { afterAll, expect, it } from 'vitest';
import type { PlatformComponent } from '../../src/component.ts';
import { startPlatform } from '../../src/platform.ts';
import { stripe as stripeComponent } from '../../src/stripe/stripe-component.ts';
import { sdkFor } from './stripe-fixture.ts';
import { startWebhookReceiver } from './webhook-receiver.ts';

const receiver = await startWebhookReceiver();
afterAll(() => receiver.close());

/** Stands in for the local API: its `api` endpoint is where the emulator sends webhooks. */
const fakeApi: PlatformComponent = {
  name: 'api',
  start: async () => ({
    endpoints: { api: new URL(receiver.url).origin },
    close: async () => {},
  }),
};

it('runs in the platform, signs webhooks to the API with the local Secrets Manager secret', async () => {
  const lines: string[] = [];
  const platform = await startPlatform({
    manifests: [],
    log: (line) => lines.push(line),
    components: [fakeApi, stripeComponent],
  });
  try {
    const url = platform.endpoints.stripe ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const secret = platform.secrets.value('stripe-webhook-secret');
    expect(secret).toMatch(/^whsec_/);
    expect(lines.join('\n')).toContain(`Your webhook signing secret is ${secret}`);

    const stripe = sdkFor(Number(new URL(url).port));
    const intent = await stripe.paymentIntents.create({ amount: 500, currency: 'usd' });
    const [delivery] = await receiver.waitFor(1);
    const event = stripe.webhooks.constructEvent(
      delivery?.body ?? '',
      delivery?.signature ?? '',
      secret,
    );
    expect(event).toMatchObject({
      type: 'payment_intent.created',
      data: { object: { id: intent.id } },
    });
  } finally {
    await platform.close();
  }
});
