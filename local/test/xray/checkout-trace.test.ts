import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  BatchGetTracesCommand,
  GetServiceGraphCommand,
  GetTraceSummariesCommand,
  XRayClient,
} from '@aws-sdk/client-xray';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopper, watchOrder } from '../../src/shopper/checkout.ts';
import { orderTraces } from '../../src/shopper/order-traces.ts';
import { eventually } from '../../src/testing/probes.ts';
import { type RepoPlatform, startRepoPlatform } from '../../src/testing/repo-platform.ts';
import { awsJson, hasAwsCli } from '../fixtures/aws-cli.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `${CHROMIUM} is missing: the trace page test is skipped (sudo apt-get install chromium)`,
  );
}

/** The page as headless Chromium renders it (its DOM after load). */
const renderedDom = (url: string) =>
  new Promise<string>((resolve, reject) => {
    execFile(
      CHROMIUM,
      ['--headless', '--no-sandbox', '--disable-gpu', '--dump-dom', url],
      { timeout: 60_000 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });

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
  namespace?: string;
  http?: { request?: { url?: string } };
  annotations?: Record<string, unknown>;
  subsegments?: Node[];
}
const flat = (nodes: readonly Node[]): Node[] =>
  nodes.flatMap((n) => [n, ...flat(n.subsegments ?? [])]);

/** A buyer's whole checkout of one seat, paid: the order once it reached a final status. */
const buy = async () => {
  const event = local.seed?.event;
  if (!event) throw new Error('the platform was not seeded');
  const buyer = shopper(local.endpoints);
  const cart = {
    eventId: event.eventId,
    items: [{ ticketTypeId: event.ticketTypes[0]?.ticketTypeId as string, quantity: 1 }],
    address: { country: 'US', postalCode: '10001', state: 'NY' },
  };
  const checkout = await buyer.createPaymentIntent(cart, { email: 'b@example.com', name: 'Bea' });
  await buyer.pay(checkout.paymentIntentId);
  return watchOrder(buyer, checkout.orderId, checkout.orderToken, { timeoutMs: 60_000 });
};

beforeAll(async () => {
  local = await startRepoPlatform({ seed: true });
  xray = new XRayClient({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const order = await buy();
  orderId = order.orderId;
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

const documentsOf = async (traceIds: readonly string[]) => {
  const traces = [];
  for (let i = 0; i < traceIds.length; i += 5) {
    const { Traces = [] } = await xray.send(
      new BatchGetTracesCommand({ TraceIds: traceIds.slice(i, i + 5) }),
    );
    traces.push(...Traces);
  }
  return traces.map((t) => ({
    id: t.Id as string,
    segments: (t.Segments ?? []).map((s) => JSON.parse(s.Document as string) as Node),
  }));
};

describe("an order's traces on the local platform", () => {
  it('are found by the order id and cover the API, every service and the workflow, one tree each', async () => {
    const expected = [
      'mytabs-local/prod',
      'mytabs-local-payments-createPaymentIntent',
      'mytabs-local-payments-stripeWebhook',
      'mytabs-local-ticketing-holdSeats',
      'mytabs-local-orders-createOrder',
      'mytabs-local-orders-startFulfillment',
      'mytabs-local-orders-OrderFulfillment',
      'MarkPaid',
      'IssueTickets',
      'SendConfirmation',
      'mytabs-local-notifications-sendOrderConfirmation',
      'mytabs-local-orders-markFulfilled',
    ];
    const read = async () => {
      const summaries = await tracesOf(`annotation.orderId = "${orderId}"`);
      const traces = await documentsOf(summaries.map((s) => s.Id as string));
      return { traces, names: new Set(traces.flatMap((t) => flat(t.segments).map((n) => n.name))) };
    };
    // One root: every other segment's parent is a segment or subsegment of the same trace.
    const rootsOf = (trace: { segments: Node[] }) => {
      const ids = new Set(flat(trace.segments).map((n) => n.id));
      return trace.segments.filter((s) => !s.parent_id || !ids.has(s.parent_id));
    };
    // The order shows FULFILLED once MarkFulfilled returns; the workflow's own segment, the parent
    // of its steps', is sent when its execution ends, a moment later.
    const { traces, names } = await eventually(
      read,
      (r) =>
        expected.every((n) => r.names.has(n)) &&
        r.traces.every((trace) => rootsOf(trace).length === 1),
    );
    for (const name of expected) {
      expect(names, name).toContain(name);
    }
    for (const trace of traces) {
      expect(
        rootsOf(trace).map((r) => `${r.origin} ${r.name}`),
        trace.id,
      ).toHaveLength(1);
    }
  });

  it("records each Stripe call as a remote subsegment of its caller's, and draws the service graph", async () => {
    const summaries = await tracesOf(`annotation.orderId = "${orderId}"`);
    const traces = await documentsOf(summaries.map((t) => t.Id as string));
    // The X-Ray SDK records a call's URL without its port: Stripe's API is the `/v1/` paths.
    const stripe = `http://${new URL(local.endpoints.stripe).hostname}/v1/`;
    const callers = traces.flatMap((t) =>
      t.segments
        .filter((segment) =>
          flat(segment.subsegments ?? []).some(
            (n) => n.namespace === 'remote' && n.http?.request?.url?.startsWith(stripe),
          ),
        )
        .map((segment) => segment.name),
    );
    expect(callers).toEqual(
      expect.arrayContaining([
        'mytabs-local-payments-createPaymentIntent',
        'mytabs-local-payments-stripeWebhook',
      ]),
    );

    const { Services = [] } = await xray.send(
      new GetServiceGraphCommand({ StartTime: startedAt, EndTime: new Date(Date.now() + 1000) }),
    );
    const names = Services.map((service) => service.Name);
    expect(names).toEqual(
      expect.arrayContaining(['mytabs-local/prod', 'mytabs-local-payments-createPaymentIntent']),
    );
    const api = Services.find((service) => service.Name === 'mytabs-local/prod');
    const calledByApi = (api?.Edges ?? []).map(
      (edge) => Services.find((service) => service.ReferenceId === edge.ReferenceId)?.Name,
    );
    expect(calledByApi).toContain('mytabs-local-payments-createPaymentIntent');
  });

  it('shows a failing step as a fault on its state and its function, found with the filter `fault`', async () => {
    local.platform.faults.add(
      local.platform.faults.resolve({
        kind: 'function',
        function: 'ticketing.confirmHold',
        errorType: 'InjectedFault',
        seconds: 60,
      }),
    );
    const order = await buy();
    local.platform.faults.clear();
    expect(order.status).toBe('FAILED');
    const summaries = await tracesOf(`annotation.orderId = "${order.orderId}" AND fault`);
    expect(summaries.length).toBeGreaterThan(0);
    const nodes = (await documentsOf(summaries.map((t) => t.Id as string))).flatMap((t) =>
      flat(t.segments),
    );
    const faulted = nodes.filter((n) => n.fault);
    expect(faulted.map((n) => `${n.origin ?? 'state'} ${n.name}`).sort()).toEqual(
      expect.arrayContaining([
        'AWS::Lambda mytabs-local-ticketing-confirmHold',
        'AWS::Lambda::Function mytabs-local-ticketing-confirmHold',
        'state ConfirmHold',
      ]),
    );
    const markPaid = nodes.find((n) => n.name === 'MarkPaid');
    expect(markPaid?.fault).toBeUndefined();
    // The fulfilled order: no segment failed. (The X-Ray SDK marks every error an AWS call throws
    // as a fault on its subsegment, an expected ConditionalCheckFailed of putOnce too, as on AWS.)
    const fulfilled = await tracesOf(`annotation.orderId = "${orderId}"`);
    const segments = (await documentsOf(fulfilled.map((t) => t.Id as string))).flatMap(
      (t) => t.segments,
    );
    expect(segments.filter((s) => s.fault).map((s) => s.name)).toEqual([]);
  });

  it.skipIf(!hasAwsCli)(
    'answers the AWS CLI: get-trace-summaries and batch-get-traces',
    async () => {
      const { TraceSummaries } = await awsJson<{ TraceSummaries: { Id: string }[] }>(
        local.endpoints.edge,
        'xray',
        'get-trace-summaries',
        '--start-time',
        String(Math.floor(startedAt.getTime() / 1000)),
        '--end-time',
        String(Math.ceil(Date.now() / 1000) + 1),
        '--filter-expression',
        `annotation.orderId = "${orderId}"`,
      );
      expect(TraceSummaries.length).toBeGreaterThan(0);
      const { Traces } = await awsJson<{ Traces: { Id: string; Segments: unknown[] }[] }>(
        local.endpoints.edge,
        'xray',
        'batch-get-traces',
        '--trace-ids',
        TraceSummaries[0]?.Id as string,
      );
      expect(Traces[0]?.Segments.length).toBeGreaterThan(0);
    },
  );

  it.skipIf(!hasChromium)(
    "draws the order's checkout as a waterfall in a browser",
    async () => {
      const [checkout] = await orderTraces(local.endpoints.edge, orderId, startedAt);
      expect(checkout?.entry).toBe('POST /payments/createPaymentIntent');
      const dom = await renderedDom(checkout?.url as string);
      expect(dom).toContain(`<strong class="order-id">${orderId}</strong>`);
      for (const operation of ['## POST /payments/createPaymentIntent', '## ticketing.holdSeats']) {
        expect(dom).toContain(operation);
      }
      const list = await renderedDom(`${local.endpoints.edge}/_local/traces`);
      expect(list).toContain(orderId);
    },
    120_000,
  );
});
