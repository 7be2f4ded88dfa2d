import { BatchGetTracesCommand, GetTraceSummariesCommand, XRayClient } from '@aws-sdk/client-xray';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopper, watchOrder } from '../../src/shopper/checkout.ts';
import { type RepoPlatform, startRepoPlatform } from '../../src/testing/repo-platform.ts';

let local: RepoPlatform;
let xray: XRayClient;
let orderId: string;
const startedAt = new Date(Date.now() - 1000);

interface Node {
  id: string;
  name: string;
  origin?: string;
  parent_id?: string;
  fault?: boolean;
  annotations?: Record<string, unknown>;
  subsegments?: Node[];
}
const flat = (nodes: readonly Node[]): Node[] =>
  nodes.flatMap((n) => [n, ...flat(n.subsegments ?? [])]);

beforeAll(async () => {
  local = await startRepoPlatform({ seed: true });
  xray = new XRayClient({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const event = local.seed?.event;
  if (!event) throw new Error('the platform was not seeded');
  const buyer = shopper(local.endpoints);
  const cart = {
    eventId: event.eventId,
    items: [{ ticketTypeId: event.ticketTypes[0]?.ticketTypeId as string, quantity: 1 }],
    address: { country: 'US', postalCode: '10001', state: 'NY' },
  };
  const checkout = await buyer.createPaymentIntent(cart, { email: 'b@example.com', name: 'Bea' });
  orderId = checkout.orderId;
  await buyer.pay(checkout.paymentIntentId);
  const order = await watchOrder(buyer, orderId, checkout.orderToken, { timeoutMs: 60_000 });
  expect(order.status).toBe('FULFILLED');
}, 180_000);
afterAll(() => local?.close());

const tracesOf = async (filter: string) => {
  const { TraceSummaries = [] } = await xray.send(
    new GetTraceSummariesCommand({
      StartTime: startedAt,
      EndTime: new Date(Date.now() + 1000),
      FilterExpression: filter,
    }),
  );
  return TraceSummaries;
};

describe("an order's traces on the local platform", () => {
  it('finds them by the order id annotation, through the AWS SDK', async () => {
    const summaries = await tracesOf(`annotation.orderId = "${orderId}"`);
    expect(summaries.length).toBeGreaterThan(0);
    const { Traces = [] } = await xray.send(
      new BatchGetTracesCommand({ TraceIds: summaries.slice(0, 5).map((s) => s.Id as string) }),
    );
    const nodes = Traces.flatMap((t) =>
      flat((t.Segments ?? []).map((s) => JSON.parse(s.Document as string) as Node)),
    );
    console.log(JSON.stringify(summaries, null, 1).slice(0, 3000));
    console.log(
      Traces.map((t) =>
        (t.Segments ?? [])
          .map((s) => JSON.parse(s.Document as string) as Node)
          .map((s) => `${s.origin} ${s.name} ${s.parent_id ?? '-'} ${s.id}`)
          .join('\n'),
      ).join('\n\n'),
    );
    expect(nodes.length).toBeGreaterThan(0);
  });
});
