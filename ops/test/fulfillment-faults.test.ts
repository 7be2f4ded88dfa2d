import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  GetExecutionHistoryCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import type { TicketType } from '@mytabs/contracts';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import {
  apiClient,
  components,
  DEMO_ORGANIZER,
  eventually,
  type FaultSpec,
  type RepoPlatform,
  repoRoot,
  shopper,
  startRepoPlatform,
  stepFunctionsComponent,
} from '@mytabs/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opsCommand } from '../src/drill/run-drill.ts';
import type { FailedExecution } from '../src/executions.ts';
import type { Status } from '../src/status.ts';
import {
  type Asl,
  type EndState,
  type FaultCase,
  faultCases,
  refundTrigger,
  type TaskStep,
  taskSteps,
} from './fulfillment-faults/fault-cases.ts';
import { type Bought, type OrderEnd, orderEnd } from './fulfillment-faults/order-end.ts';

/**
 * Fault injection across the fulfillment workflow, through the real services on the local
 * platform: each Task state fails once, fails for good, and loses its worker mid-invocation, one
 * order per case, all in parallel (each fault applies only to its order's events). Every order
 * ends FULFILLED, or FAILED refunded with its seats back and one apology; the ones whose
 * execution fails for good are listed by `ops status` and completed by `ops executions redrive`.
 */
const SLOW_MS = 240_000;
const TICKETS = 2;
const CAPACITY = 4;

const manifests = await loadManifests(repoRoot);
const ordersManifest = manifests.find((m) => m.manifest.service === 'orders');
const workflow = ordersManifest?.manifest.workflows?.OrderFulfillment;
if (!ordersManifest || !workflow) throw new Error('orders has no OrderFulfillment workflow');
const asl = JSON.parse(
  await readFile(join(ordersManifest.dir, workflow.definition), 'utf8'),
) as Asl;

/** `${IssueTicketsFunctionArn}` -> `ticketing.issueTickets`, as the manifest substitutes it. */
const functionOf = (step: TaskStep) => {
  const ref = workflow.substitutions?.[step.resource.replace(/^\$\{(.*)\}$/, '$1')];
  if (!ref) throw new Error(`${step.state}: no function for ${step.resource}`);
  return ref;
};
const EMAILS: Record<string, keyof EndState['sent']> = {
  'notifications.sendOrderConfirmation': 'confirmation',
  'notifications.sendOrderFailed': 'apology',
};

const steps = taskSteps(asl);
const trigger = refundTrigger(steps);
const cases = faultCases(steps, { tickets: TICKETS, emailOf: (s) => EMAILS[functionOf(s)] });
const nameOf = (c: FaultCase) => `${c.step.state} ${c.kind}`;

/** How its fault makes the step fail, as the execution's history records it (error, cause). */
const STEP_FAILURE = {
  once: { error: 'TransientStepError', cause: expect.stringContaining('Injected fault') },
  'for-good': { error: 'TransientStepError', cause: expect.stringContaining('Injected fault') },
  killed: {
    error: 'Lambda.Unknown',
    cause: expect.stringMatching(
      /^The cause could not be determined because Lambda did not return an error type\. Returned payload: .*Runtime\.ExitError.*signal: killed/,
    ),
  },
};

/** The faults of one case, each only for its order's events. */
const faultsFor = (c: FaultCase, orderId: string): FaultSpec[] => {
  const only = { kind: 'function' as const, matching: orderId, seconds: 600 };
  const onStep = { ...only, function: functionOf(c.step), errorType: 'TransientStepError' };
  return [
    // The refund path starts as it does when the seats are gone by the time the payment lands.
    ...(c.step.path === 'refund'
      ? [{ ...only, function: functionOf(trigger), errorType: 'SeatsUnavailable' }]
      : []),
    c.kind === 'once'
      ? { ...onStep, times: 1 }
      : c.kind === 'killed'
        ? { ...onStep, mode: 'kill' as const, times: 1 }
        : onStep,
  ];
};

let local: RepoPlatform;
let sfn: SFNClient;
const buyer = () => shopper(local.endpoints);
/** What `ops emails resend --json` answers. */
interface Resend {
  sent: string[];
  alreadySent: string[];
  failed: { orderId: string; error: string }[];
}

interface Run {
  bought: Bought;
  /** The fault on the step itself (the last one set), which an operator's fix would end. */
  stepFaultId: string;
  execution: DescribeExecutionCommandOutput;
  end: OrderEnd;
}
const runs = new Map<FaultCase, Run>();
let suiteStarted = 0;
/** Seconds from the suite's start until the platform was up, and until every order had ended. */
const took = { platform: 0, orders: 0 };

const executionArnOf = (orderId: string) => {
  const machine = local.platform.plan.stateMachines.find((m) => m.workflow === 'OrderFulfillment');
  return `${machine?.arn.replace(':stateMachine:', ':execution:')}:${orderId}`;
};

/** The execution once it ended (after `redrives` redrives), polling as an operator would. */
const ended = async (orderId: string, redrives = 0) => {
  const started = Date.now();
  for (;;) {
    const execution = await sfn
      .send(new DescribeExecutionCommand({ executionArn: executionArnOf(orderId) }))
      .catch(() => undefined);
    if (execution && execution.status !== 'RUNNING' && (execution.redriveCount ?? 0) >= redrives) {
      return execution;
    }
    if (Date.now() - started > SLOW_MS) {
      throw new Error(
        `${orderId}: the execution did not end\n${local.lines.slice(-30).join('\n')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
};

const buy = async (c: FaultCase, eventId: string, organizerToken: string): Promise<Run> => {
  const { ticketTypeId } = await apiClient(local.endpoints.api, organizerToken).post<TicketType>(
    `/events/${eventId}/ticket-types`,
    {
      name: `Faults ${nameOf(c)}`,
      price: 2000,
      currency: 'usd',
      taxBehavior: 'exclusive',
      taxCode: 'txcd_50010001',
      capacity: CAPACITY,
      perOrderLimit: CAPACITY,
    },
  );
  const cart = {
    eventId,
    items: [{ ticketTypeId, quantity: TICKETS }],
    address: { country: 'US', postalCode: '10001', state: 'NY' },
  };
  const email = `faults-${c.step.state.toLowerCase()}-${c.kind}@example.com`;
  const quote = await buyer().quote(cart);
  const checkout = await buyer().createPaymentIntent(
    { ...cart, taxCalculationId: quote.taxCalculationId },
    { email, name: `Faults ${nameOf(c)}` },
    `faults-${ticketTypeId}`,
  );
  const set = faultsFor(c, checkout.orderId).map((f) => local.platform.faults.add(f));
  await buyer().pay(checkout.paymentIntentId);
  const bought: Bought = { ...checkout, email, eventId, ticketTypeId, capacity: CAPACITY };
  const execution = await ended(checkout.orderId);
  return {
    bought,
    stepFaultId: set.at(-1)?.id ?? '',
    execution,
    end: await orderEnd(local, buyer(), bought),
  };
};

/** How the execution's Task states failed (error and cause), in order. */
const failuresOf = async (orderId: string) => {
  const { events = [] } = await sfn.send(
    new GetExecutionHistoryCommand({ executionArn: executionArnOf(orderId), maxResults: 1000 }),
  );
  return events.flatMap((e) => e.lambdaFunctionFailedEventDetails ?? []);
};

const expectEnd = (end: OrderEnd, expected: EndState) =>
  expect(end).toEqual({
    status: expected.status,
    tickets: expected.tickets,
    sent: expected.sent,
    charges: 1,
    refunded: expected.refunded,
    seatsTaken: expected.status === 'FULFILLED' ? expected.tickets : 0,
  });

const ops = async <T>(command: string) =>
  (await opsCommand(local.endpoints.edge, command)).answer as T;

beforeAll(async () => {
  suiteStarted = performance.now();
  const retryIntervalOverrides = Object.fromEntries(steps.map((s) => [s.state, 1]));
  local = await startRepoPlatform({
    seed: true,
    components: components.map((c) =>
      c.name === 'stepfunctions'
        ? stepFunctionsComponent({ overrides: { retryIntervalOverrides } })
        : c,
    ),
  });
  sfn = new SFNClient({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'ops', secretAccessKey: 'x' },
  });
  took.platform = (performance.now() - suiteStarted) / 1000;
  const organizerToken = await local.signIn(DEMO_ORGANIZER);
  const eventId = local.seed?.event.eventId ?? '';
  const bought = await Promise.all(cases.map((c) => buy(c, eventId, organizerToken)));
  took.orders = (performance.now() - suiteStarted) / 1000;
  for (const [i, c] of cases.entries()) runs.set(c, bought[i] as Run);
}, SLOW_MS);

afterAll(async () => {
  const tally = (pick: (c: FaultCase, r: Run) => boolean) =>
    [...runs].filter(([c, r]) => pick(c, r)).length;
  console.log(
    `fulfillment faults: ${cases.length} injected (${steps.length} steps × ${cases.length / steps.length} kinds); ` +
      `orders ended ${tally((_, r) => r.end.status === 'FULFILLED')} FULFILLED, ` +
      `${tally((_, r) => r.end.status === 'FAILED' && r.end.refunded === true)} FAILED and refunded in full, ` +
      `${tally((c) => c.needsRedrive)} of them after \`ops executions redrive\`; ` +
      `platform up after ${took.platform.toFixed(1)} s, every order ended after ${took.orders.toFixed(1)} s, ` +
      `all checked after ${((performance.now() - suiteStarted) / 1000).toFixed(1)} s`,
  );
  sfn?.destroy();
  await local?.close();
});

describe.each(cases.filter((c) => !c.needsRedrive))('$step.state $kind', (c) => {
  it(
    'ends as the buyer expects, the step having failed as injected',
    async () => {
      const run = runs.get(c) as Run;
      expectEnd(run.end, c.end);
      expect(await failuresOf(run.bought.orderId)).toContainEqual(STEP_FAILURE[c.kind]);
    },
    SLOW_MS,
  );
});

describe('a confirmation that failed for good', () => {
  const unsent = cases.filter((c) => c.end.status === 'FULFILLED' && c.end.sent.confirmation === 0);

  // Notifications never received these sends, so it has nothing stored to resend: `emails resend`
  // runs the step again with the input the execution's history kept.
  it(
    'is listed by `ops status`; `ops emails resend` sends it once, from the step the workflow ran',
    async () => {
      const ids = unsent.map((c) => (runs.get(c) as Run).bought.orderId).sort();
      expect(ids).not.toEqual([]);
      const status = await ops<Status>('status --older-than 0');
      expect(status.unsentEmails.map((e) => e.orderId).sort()).toEqual(ids);
      for (const c of unsent) local.platform.faults.remove((runs.get(c) as Run).stepFaultId);
      const resend = await ops<Resend>('emails resend');
      expect({ sent: resend.sent.sort(), failed: resend.failed }).toEqual({
        sent: ids,
        failed: [],
      });
      const again = await ops<Resend>('emails resend');
      expect({ sent: again.sent, alreadySent: again.alreadySent.sort() }).toEqual({
        sent: [],
        alreadySent: ids,
      });
      for (const c of unsent) {
        const end = await orderEnd(local, buyer(), (runs.get(c) as Run).bought);
        expect(end.sent).toEqual({ confirmation: 1, apology: 0 });
      }
    },
    SLOW_MS,
  );
});

describe('an apology that failed for good', () => {
  const unsent = cases.filter((c) => c.end.status === 'FAILED' && c.end.sent.apology === 0);

  it(
    'is listed by `ops status` (FAILED and refunded, no apology in its history); `emails resend` sends it',
    async () => {
      const ids = unsent.map((c) => (runs.get(c) as Run).bought.orderId).sort();
      expect(ids).not.toEqual([]);
      // The other failed orders' apologies reach their history through the bus, a moment later.
      const listed = await eventually(
        async () => (await ops<Status>('status --older-than 0')).unsentApologies,
        (found) => found.length <= ids.length,
      );
      expect(listed.map((u) => u.orderId).sort()).toEqual(ids);
      // As for confirmations: notifications never received these; their step sends them now.
      for (const c of unsent) local.platform.faults.remove((runs.get(c) as Run).stepFaultId);
      const resend = await ops<Resend>('emails resend --older-than 0');
      expect(resend.failed).toEqual([]);
      expect(resend.sent).toEqual(expect.arrayContaining(ids));
      for (const c of unsent) {
        const end = await orderEnd(local, buyer(), (runs.get(c) as Run).bought);
        expect(end.sent).toEqual({ confirmation: 0, apology: 1 });
      }
    },
    SLOW_MS,
  );
});

describe('steps whose failure for good fails the execution', () => {
  const waiting = cases.filter((c) => c.needsRedrive);

  it(
    'leave no order stuck: `ops status` lists each failed execution as redrivable, and no other',
    async () => {
      const status = await ops<Status>('status --older-than 0');
      const redrivable = status.failedExecutions.filter((e: FailedExecution) => e.redrivable);
      expect(redrivable.map((e) => e.name).sort()).toEqual(
        waiting.map((c) => runs.get(c)?.bought.orderId).sort(),
      );
      for (const c of waiting) {
        const run = runs.get(c) as Run;
        expect(run.execution).toMatchObject({ status: 'FAILED', error: 'TransientStepError' });
        expect(['PENDING_PAYMENT', 'PAID']).toContain(run.end.status);
      }
      // The listing commands answer what status summed up, one by one.
      const names = (items: readonly { name: string }[]) => items.map((i) => i.name).sort();
      const failed = await ops<{ executions: FailedExecution[] }>('executions failed');
      expect(names(failed.executions)).toEqual(names(status.failedExecutions));
      const stuck = await ops<{ orders: Status['stuckOrders'] }>('orders stuck --older-than 0');
      expect(stuck.orders.length).toBeGreaterThan(0);
      expect(stuck.orders.map((o) => o.orderId).sort()).toEqual(
        status.stuckOrders.map((o) => o.orderId).sort(),
      );
    },
    SLOW_MS,
  );

  it(
    'end as the buyer expects once the step works again and `ops executions redrive` ran',
    async () => {
      // The operator's fix ends the step's fault; a refund case's cause (its seats gone) stays.
      for (const c of waiting) local.platform.faults.remove((runs.get(c) as Run).stepFaultId);
      const redrive = await ops<{ redriven: string[]; failed: unknown[] }>('executions redrive');
      expect(redrive.failed).toEqual([]);
      expect(redrive.redriven).toHaveLength(waiting.length);
      for (const c of waiting) {
        const run = runs.get(c) as Run;
        expect(await ended(run.bought.orderId, 1)).toMatchObject({ redriveCount: 1 });
        run.end = await orderEnd(local, buyer(), run.bought);
        expectEnd(run.end, c.end);
      }
      const status = await ops<Status>('status --older-than 0');
      expect(status.failedExecutions.filter((e: FailedExecution) => e.redrivable)).toEqual([]);
      expect(status.stuckOrders).toEqual([]);
    },
    SLOW_MS,
  );
});
