import { PassThrough } from 'node:stream';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import type { FaultSpec, IntegrityReport, RepoPlatform } from '@mytabs/local';
import { checkIntegrity, createBenchEvent, repoRoot, shopper } from '@mytabs/local';
import { runOps } from '../cli.ts';
import type { Status } from '../status.ts';

export interface DrillOptions {
  orders: number;
  /** Where progress lines go (stderr); the report is the caller's to print. */
  log: (line: string) => void;
  /** How long sales and recovery may take before the drill gives up. */
  timeoutMs?: number;
}

/** One CLI command the drill ran, as the runbook says to run it, and what it answered. */
interface CommandRun {
  command: string;
  exitCode: number;
  answer: unknown;
}

export interface DrillReport {
  orders: number;
  faults: FaultSpec[];
  /** What `ops status` saw once the sales had settled under the faults. */
  broken: {
    ordersNotFulfilled: number;
    deadLetters: number;
    failedExecutions: number;
    stuckOrders: number;
    /** Fulfilled orders whose confirmation SES refused. */
    unsentEmails: number;
    /** Fulfilled orders whose OrderFulfilled never reached settleHold (in its dead-letter queue). */
    unsettledFulfilled: number;
  };
  recovered: number;
  unrecovered: string[];
  recoverMs: number;
  commands: CommandRun[];
  /** The same commands run a second time, after recovery: they must find nothing to do. */
  secondRun: CommandRun[];
  integrity: IntegrityReport & { seatsCountedTwice: number };
  passed: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `npm run ops -- <args> --json` in this process, against a local platform's edge. */
export const opsCommand = async (edge: string, command: string): Promise<CommandRun> => {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const exitCode = await runOps([...command.split(' '), '--endpoint', edge, '--json'], {
    stdout: out,
    stderr: process.stderr,
    env: {},
  });
  return {
    command: `npm run ops -- ${command}`,
    exitCode,
    answer: JSON.parse(Buffer.concat(chunks).toString()),
  };
};

/** The runbook's recovery, in its order: workflows first, then the letters, then what is left. */
const RECOVERY = ['executions redrive', 'dlq redrive --all', 'orders resume --older-than 0'];
/** Once every order is fulfilled: the confirmations SES refused. */
const RESEND = 'emails resend';

/**
 * Sells `orders` orders while a consumer, the fulfillment's start, a workflow step and SES fail; ends
 * the faults; recovers with the CLI alone; then checks every order as its buyer and the
 * organizer would: fulfilled, its tickets once, its email once, no seat sold twice.
 */
export const runDrill = async (
  local: RepoPlatform,
  options: DrillOptions,
): Promise<DrillReport> => {
  const { orders: n, log } = options;
  const timeoutMs = options.timeoutMs ?? 300_000;
  const { eventId, ticketTypeId } = await createBenchEvent(
    local.endpoints,
    await loadManifests(repoRoot),
    { seats: n, perOrderLimit: 1 },
  );
  const broken = Math.max(1, Math.ceil(n / 5));
  const faults: FaultSpec[] = [
    // A consumer deployed with a bug: every OrderFulfilled ends in its dead-letter queue.
    {
      kind: 'function',
      function: 'ticketing.settleHold',
      errorType: 'InjectedFault',
      seconds: 3600,
    },
    // Fulfillment's start failing: PaymentSucceeded in its queue, paid orders PENDING_PAYMENT.
    {
      kind: 'function',
      function: 'orders.startFulfillment',
      errorType: 'InjectedFault',
      times: broken * 3,
      seconds: 3600,
    },
    // A workflow step failing: those orders' executions FAILED at RecordAttendees.
    {
      kind: 'function',
      function: 'ticketing.recordAttendees',
      errorType: 'InjectedFault',
      times: broken,
      seconds: 3600,
    },
    // SES refusing: those orders are fulfilled with their confirmation recorded failed.
    { kind: 'ses', mode: 'refuse', times: broken, seconds: 3600 },
  ];
  for (const fault of faults) local.platform.faults.add(fault);
  log(`drill: selling ${n} orders with ${faults.length} faults in force`);

  const buyer = shopper(local.endpoints);
  const cart = {
    eventId,
    items: [{ ticketTypeId, quantity: 1 }],
    address: { country: 'US', postalCode: '10001', state: 'NY' },
  };
  const sold = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const quote = await buyer.quote(cart);
      const checkout = await buyer.createPaymentIntent(
        { ...cart, taxCalculationId: quote.taxCalculationId },
        { email: `drill${i}@example.com`, name: `Drill ${i}` },
        `drill-${eventId}-${i}`,
      );
      await buyer.pay(checkout.paymentIntentId);
      return checkout;
    }),
  );
  const readOrders = () => Promise.all(sold.map((c) => buyer.order(c.orderId, c.orderToken)));

  // Settled: every order has met its fault. A fulfilled one's OrderFulfilled waits in
  // settleHold's queue; any other order's execution failed, or its PaymentSucceeded waits in
  // startFulfillment's queue. Only then do the faults end, as an operator would find them.
  const depth = (status: Status, ref: string) =>
    status.deadLetters.find(
      (d) => d.function === local.platform.plan.functions.find((f) => f.ref === ref)?.name,
    )?.depth ?? 0;
  const started = Date.now();
  let status: Status;
  let before: Awaited<ReturnType<typeof readOrders>>;
  for (;;) {
    if (Date.now() - started > timeoutMs) {
      throw new Error('the sales did not settle under the faults');
    }
    await sleep(500);
    status = (await opsCommand(local.endpoints.edge, 'status --older-than 0')).answer as Status;
    before = await readOrders();
    const fulfilled = before.filter((o) => o.status === 'FULFILLED').length;
    if (
      fulfilled === depth(status, 'ticketing.settleHold') &&
      n - fulfilled === status.failedExecutions.length + depth(status, 'orders.startFulfillment')
    ) {
      break;
    }
  }
  const report: Omit<
    DrillReport,
    'recovered' | 'unrecovered' | 'recoverMs' | 'commands' | 'secondRun' | 'integrity' | 'passed'
  > = {
    orders: n,
    faults,
    broken: {
      ordersNotFulfilled: before.filter((o) => o.status !== 'FULFILLED').length,
      unsentEmails: status.unsentEmails.length,
      deadLetters: status.deadLetterTotal,
      failedExecutions: status.failedExecutions.length,
      stuckOrders: status.stuckOrders.length,
      unsettledFulfilled: depth(status, 'ticketing.settleHold'),
    },
  };
  log(`drill: settled under faults: ${JSON.stringify(report.broken)}`);

  local.platform.faults.clear();
  const recoverStarted = performance.now();
  const commands: CommandRun[] = [];
  for (const command of RECOVERY) commands.push(await opsCommand(local.endpoints.edge, command));
  // Redriven executions end by themselves; their OrderFulfilled then reaches a settleHold that works.
  let after = await readOrders();
  while (
    after.some((o) => o.status !== 'FULFILLED') &&
    performance.now() - recoverStarted < timeoutMs
  ) {
    await sleep(250);
    after = await readOrders();
  }
  commands.push(await opsCommand(local.endpoints.edge, RESEND));
  let final = (await opsCommand(local.endpoints.edge, 'status --older-than 0')).answer as Status;
  while (final.deadLetterTotal > 0 && performance.now() - recoverStarted < timeoutMs) {
    commands.push(await opsCommand(local.endpoints.edge, 'dlq redrive --all'));
    final = (await opsCommand(local.endpoints.edge, 'status --older-than 0')).answer as Status;
  }
  const recoverMs = performance.now() - recoverStarted;
  log(`drill: recovered in ${(recoverMs / 1000).toFixed(1)} s; running the commands again`);
  const secondRun: CommandRun[] = [];
  for (const command of [...RECOVERY, RESEND]) {
    secondRun.push(await opsCommand(local.endpoints.edge, command));
  }
  await sleep(1000);
  after = await readOrders();

  const { emails } = (await fetch(`${local.endpoints.ses}/store`).then((r) => r.json())) as {
    emails: { destination: { to: string[] }; subject: string; body: { text?: string } }[];
  };
  const integrity = checkIntegrity(
    { [ticketTypeId]: n },
    after.map((o) => ({
      orderId: o.orderId,
      status: o.status,
      quantities: { [ticketTypeId]: 1 },
      tickets: o.tickets,
    })),
    emails.map((e) => ({
      to: e.destination.to.join(','),
      subject: e.subject,
      body: e.body.text ?? '',
    })),
  );
  const available = (await buyer.listEvents()).items
    .find((e) => e.eventId === eventId)
    ?.ticketTypes.find((t) => t.ticketTypeId === ticketTypeId)?.available;
  const soldTickets = after.reduce((sum, o) => sum + o.tickets.length, 0);
  const seatsCountedTwice = Math.max(0, n - soldTickets - (available ?? 0));
  const unrecovered = after
    .filter((o) => o.status !== 'FULFILLED')
    .map((o) => `${o.orderId} ${o.status}`);
  const secondRunChanged = secondRun.some((r) => {
    const a = r.answer as {
      redriven?: unknown[];
      resumed?: unknown[];
      queues?: unknown[];
      sent?: unknown[];
    };
    return [a.redriven, a.resumed, a.queues, a.sent].some((done) => (done?.length ?? 0) > 0);
  });
  const fullIntegrity = { ...integrity, seatsCountedTwice };
  return {
    ...report,
    recovered:
      report.broken.ordersNotFulfilled + report.broken.unsettledFulfilled - unrecovered.length,
    unrecovered,
    recoverMs: Math.round(recoverMs),
    commands,
    secondRun,
    integrity: fullIntegrity,
    passed:
      unrecovered.length === 0 &&
      final.deadLetterTotal === 0 &&
      final.failedExecutions.length === 0 &&
      final.stuckOrders.length === 0 &&
      !secondRunChanged &&
      [...commands, ...secondRun].every((c) => c.exitCode === 0) &&
      Object.values(fullIntegrity).every((v) => v === 0),
  };
};
