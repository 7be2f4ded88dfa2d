import { parseArgs } from 'node:util';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { signInLocalUser } from '../seed/local-user.ts';
import { cancellation } from '../shopper/cancellation.ts';
import { shopper, watchOrder } from '../shopper/checkout.ts';
import { repoRoot, startRepoPlatform } from '../testing/repo-platform.ts';
import { BENCH_ORGANIZER, createBenchEvent } from './bench-event.ts';

/**
 * `npm run bench:cancel [-- --orders 1000 --unpaid 0.1]`: on a platform of its own, an event with
 * that many orders (a tenth left unpaid by default, the rest fulfilled), then canceled: prints how
 * long the EventCancellation workflow took from the request to its end, and checks that every
 * paid order was refunded and every unpaid one canceled. Exits non-zero if not.
 */
const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '1000' },
    unpaid: { type: 'string', default: '0.1' },
    concurrency: { type: 'string', default: '20' },
  },
});
const orders = Number(values.orders);
const unpaidShare = Number(values.unpaid);
const concurrency = Number(values.concurrency);
const own = await startRepoPlatform({ tracing: false, ledger: false });
const { endpoints } = own;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
try {
  const manifests = await loadManifests(repoRoot);
  const { eventId, ticketTypeId } = await createBenchEvent(endpoints, manifests, {
    seats: orders,
    perOrderLimit: 1,
  });
  const buyer = shopper(endpoints);
  const cart = {
    eventId,
    items: [{ ticketTypeId, quantity: 1 }],
    address: { country: 'US', postalCode: '10001', state: 'NY' },
  };
  const unpaidEvery = unpaidShare > 0 ? Math.round(1 / unpaidShare) : Number.POSITIVE_INFINITY;
  const placed: { orderId: string; orderToken: string; paid: boolean }[] = [];
  const placing = performance.now();
  const place = async (n: number) => {
    const order = await buyer.createPaymentIntent(
      cart,
      { email: `cancel${n}@example.com`, name: `Buyer ${n}` },
      `cancel-bench-${eventId}-${n}`,
    );
    const paid = n % unpaidEvery !== 0;
    if (paid) {
      await buyer.pay(order.paymentIntentId);
      const settled = await watchOrder(buyer, order.orderId, order.orderToken, {
        timeoutMs: 300_000,
        intervalMs: 500,
        maxIntervalMs: 2000,
      });
      if (settled.status !== 'FULFILLED') throw new Error(`${order.orderId} ${settled.status}`);
    }
    placed.push({ orderId: order.orderId, orderToken: order.orderToken, paid });
  };
  for (let n = 1; n <= orders; n += concurrency) {
    await Promise.all(
      Array.from({ length: Math.min(concurrency, orders - n + 1) }, (_, i) => place(n + i)),
    );
    process.stderr.write(`  placed ${placed.length}/${orders}\r`);
  }
  const paid = placed.filter((o) => o.paid).length;
  console.log(
    `\n${orders} orders (${paid} fulfilled, ${orders - paid} unpaid) placed in ${seconds(performance.now() - placing)}`,
  );

  const token = await signInLocalUser(endpoints.edge, manifests, BENCH_ORGANIZER);
  const organizer = cancellation(endpoints.api, token, eventId);
  const started = performance.now();
  await organizer.cancel('Bench: measuring a cancellation');
  const end = await organizer.watch({
    onProgress: (c) => process.stderr.write(`  ${c.ordersDone}/${c.ordersTotal ?? '?'}\r`),
  });
  const workflowMs = performance.now() - started;
  if (!end?.finishedAt) throw new Error(`The cancellation did not finish: ${JSON.stringify(end)}`);

  const unsettled = async () => {
    const left = [];
    for (const o of placed) {
      const { status } = await buyer.order(o.orderId, o.orderToken);
      if (status !== (o.paid ? 'REFUNDED' : 'CANCELED')) left.push(`${o.orderId} ${status}`);
    }
    return left;
  };
  let left = await unsettled();
  for (let tries = 0; left.length > 0 && tries < 30; tries += 1) {
    await new Promise((r) => setTimeout(r, 2000));
    left = await unsettled();
  }
  const settledMs = performance.now() - started;
  console.log(
    `canceled: workflow ${seconds(workflowMs)} (${(workflowMs / orders).toFixed(0)} ms per order), every order REFUNDED or CANCELED after ${seconds(settledMs)}`,
  );
  if (left.length > 0) {
    console.error(`${left.length} orders not settled, e.g. ${left.slice(0, 5).join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  await own.close();
}
