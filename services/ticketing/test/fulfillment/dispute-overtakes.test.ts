import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetExecutionHistoryCommand, ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { PaymentDisputed } from '@mytabs/contracts';
import {
  archivedEvents,
  components,
  credentialsFor,
  eventually,
  localArns,
  localNames,
  type RepoPlatform,
  shopper,
  startRepoPlatform,
  stepFunctionsComponent,
  watchOrder,
} from '@mytabs/local';
import { afterAll, beforeAll, expect, it } from 'vitest';

/**
 * A dispute that lands while the order's tickets are being issued: IssueTickets is held failing
 * (a retryable error, retried every 2 s here) until the dispute has voided the order, then let
 * through, so the tickets are written after the void mark, deterministically.
 */
let local: RepoPlatform;

beforeAll(async () => {
  local = await startRepoPlatform({
    seed: true,
    components: components.map((c) =>
      c.name === 'stepfunctions'
        ? stepFunctionsComponent({ overrides: { retryIntervalOverrides: { IssueTickets: 2_000 } } })
        : c,
    ),
  });
}, 90_000);
afterAll(() => local?.close());

const config = { endpoint: '', region: 'us-east-1' };

const dispute = async (orderId: string, paymentIntentId: string, amount: number) => {
  const bus = new EventBridgeClient({
    ...config,
    endpoint: local.endpoints.edge,
    credentials: credentialsFor('payments'),
  });
  const entry = PaymentDisputed.build(
    {
      orderId,
      paymentIntentId,
      chargeId: `ch_${paymentIntentId.slice(3)}`,
      disputeId: `dp_${paymentIntentId.slice(3)}`,
      amount,
      currency: 'usd',
      reason: 'fraudulent',
    },
    { idempotencyKey: `PaymentDisputed:${orderId}`, correlationId: orderId },
  );
  await bus.send(new PutEventsCommand({ Entries: [{ ...entry, EventBusName: localNames.bus }] }));
  bus.destroy();
};

const statesEntered = async (orderId: string) => {
  const sfn = new SFNClient({
    ...config,
    endpoint: local.endpoints.edge,
    credentials: credentialsFor('test'),
  });
  const stateMachineArn = localArns.stateMachine(
    localNames.stateMachine('orders', 'OrderFulfillment'),
  );
  const { executions = [] } = await sfn.send(new ListExecutionsCommand({ stateMachineArn }));
  const executionArn = executions.find((e) => e.name === orderId)?.executionArn;
  const { events = [] } = executionArn
    ? await sfn.send(new GetExecutionHistoryCommand({ executionArn }))
    : {};
  sfn.destroy();
  return {
    ended: events.some((e) => e.type === 'ExecutionSucceeded' || e.type === 'ExecutionFailed'),
    states: events
      .filter((e) => e.type?.endsWith('StateEntered'))
      .map((e) => e.stateEnteredEventDetails?.name),
  };
};

it('voids the tickets written after a dispute, announces them once and emails no dead codes', async () => {
  const issuing = local.platform.faults.add({
    kind: 'function',
    function: 'ticketing.issueTickets',
    errorType: 'TransientStepError',
    seconds: 120,
  });
  const buyer = shopper(local.endpoints);
  const email = 'overtaken@example.com';
  const placed = await buyer.createPaymentIntent(
    {
      eventId: local.seed?.event.eventId ?? '',
      items: [{ ticketTypeId: local.seed?.event.ticketTypes[0]?.ticketTypeId ?? '', quantity: 2 }],
      address: { country: 'US', postalCode: '10036', state: 'NY' },
    },
    { email, name: 'Overtaken' },
  );
  await buyer.pay(placed.paymentIntentId);
  // The order is PAID and its hold confirmed once IssueTickets has been refused.
  await eventually(
    async () => issuing.failed,
    (failed) => failed > 0,
    60_000,
  );
  await dispute(placed.orderId, placed.paymentIntentId, placed.amount);
  await eventually(
    async () => local.lines.some((l) => l.includes('Voided tickets') && l.includes(placed.orderId)),
    (voided) => voided,
    60_000,
  );
  local.platform.faults.remove(issuing.id);

  const run = await eventually(
    () => statesEntered(placed.orderId),
    (r) => r.ended,
    60_000,
  );
  expect(run.states).toContain('VoidedMeanwhile');
  expect(run.states).not.toContain('SendConfirmation');
  expect(run.states).not.toContain('MarkFulfilled');

  const voided = await archivedEvents(local, 'TicketsVoided', placed.orderId);
  expect(voided).toHaveLength(1);
  expect(voided[0]?.detail.data).toMatchObject({
    reason: 'disputed',
    ticketIds: [expect.any(String), expect.any(String)],
  });

  const order = await watchOrder(buyer, placed.orderId, placed.orderToken, { timeoutMs: 10_000 });
  expect(order).toMatchObject({ status: 'DISPUTED', tickets: [] });
  const { emails } = (await (await fetch(`${local.endpoints.ses}/store`)).json()) as {
    emails: { destination: { to: string[] } }[];
  };
  expect(emails.filter((e) => e.destination.to.includes(email))).toEqual([]);
}, 180_000);
