import { eventually, type RepoPlatform, startRepoPlatform } from '@mytabs/local';
import Stripe from 'stripe';
import { afterAll, beforeAll, expect, it } from 'vitest';

let local: RepoPlatform;
beforeAll(async () => {
  local = await startRepoPlatform();
});
afterAll(() => local?.close());

/** How many signature failures payments counted (its EMF lines, `METRICS name=value` locally). */
const counted = () =>
  local.lines.reduce(
    (sum, line) => sum + Number(/METRICS .*WebhookSignatureFailures=(\d+)/.exec(line)?.[1] ?? 0),
    0,
  );

const deliver = (payload: string, signature: string) =>
  fetch(`${local.endpoints.api}/payments/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    body: payload,
  });

it('counts each webhook refused for its signature, for the alarm, and nothing else', async () => {
  const payload = JSON.stringify({
    id: 'evt_forged',
    object: 'event',
    type: 'customer.created',
    created: 1_796_000_000,
    livemode: false,
    data: { object: { id: 'cus_1', object: 'customer' } },
  });
  const forged = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_not_ours' });
  expect((await deliver(payload, forged)).status).toBe(400);
  expect((await deliver(payload, 't=1,v1=')).status).toBe(400);
  // A worker's log lines reach the platform's log a moment after its answer.
  expect(
    await eventually(
      async () => counted(),
      (n) => n === 2,
    ),
  ).toBe(2);

  const secret = local.platform.secrets.value('stripe-webhook-secret');
  const signed = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  expect((await deliver(payload, signed)).status).toBe(200);
  await eventually(
    async () => local.lines.filter((l) => l.includes('stripeWebhook | REPORT')).length,
    (n) => n === 3,
  );
  expect(counted()).toBe(2);
}, 60_000);
