import type { LoadedManifest } from '@mytabs/contracts/manifest/load-manifests';
import { ApiError, shopper, watchOrder } from '../shopper/checkout.ts';
import { createBenchEvent } from './bench-event.ts';
import {
  type BoughtOrder,
  checkIntegrity,
  type IntegrityReport,
  type SentEmail,
} from './integrity.ts';
import { markUsage, measureUsage } from './measure-usage.ts';
import { type LatencySummary, summarize } from './percentiles.ts';
import type { UsageCounts } from './usage-counts.ts';

/** Buyers sent through the flow before the measured run, each with a seat of their own. */
const WARM_UP_BUYERS = 4;

export interface BenchOptions {
  buyers: number;
  /** Seats on sale; fewer than buyers × quantity makes it a flash sale. */
  seats: number;
  /** Tickets each buyer asks for. */
  quantity: number;
  endpoints: { api: string; stripe: string; ses: string; edge: string };
  manifests: readonly LoadedManifest[];
  /** How long one buyer waits for their order to settle. */
  orderTimeoutMs?: number;
  onProgress?: (progress: { done: number; total: number; failed: number }) => void;
  /** The platform runs in this process (functions in worker threads): measure its CPU, memory. */
  platformInProcess?: boolean;
  /** The platform's log lines as they are written: given, the run's AWS usage is measured. */
  lines?: readonly string[];
}

/** CPU time and memory of this process, when the platform runs in it. */
export interface ProcessCost {
  /** CPU-seconds (user + system, every thread) spent per fulfilled checkout during the run. */
  cpuSPerCheckout: number;
  /** Cores kept busy on average during the run, as `top` shows it (1 = one core). */
  coresBusy: number;
  /** The main thread's share of that CPU: the edge, the emulators, dynalite, the bench itself. */
  mainThreadShare: number;
  /** Resident memory once the run is over, in MB. */
  rssMb: number;
}

export interface BenchResult {
  buyers: number;
  seats: number;
  quantity: number;
  durationS: number;
  /** Orders fulfilled per second of the whole run. */
  checkoutsPerS: number;
  outcomes: { fulfilled: number; soldOut: number; otherStatus: number; errors: number };
  latencyMs: {
    calculateTax: LatencySummary;
    createPaymentIntent: LatencySummary;
    paymentToFulfilled: LatencySummary;
  };
  integrity: IntegrityReport & { availableNeverNegative: boolean };
  process?: ProcessCost;
  /** What the measured run used in AWS's billed units (with `lines`): `npm run cost` reads it. */
  usage?: UsageCounts;
  errors: string[];
}

interface BuyerOutcome {
  kind: 'fulfilled' | 'sold-out' | 'other-status' | 'error';
  quoteMs?: number;
  checkoutMs?: number;
  fulfilMs?: number;
  order?: BoughtOrder;
  error?: string;
}

/**
 * Runs `buyers` concurrent buyers through the whole flow (quote, PaymentIntent, payment, wait
 * for FULFILLED) against one new event, then checks what must never happen: oversold seats,
 * duplicate tickets, duplicate emails.
 */
export const runBench = async (options: BenchOptions): Promise<BenchResult> => {
  const { buyers, seats, quantity, endpoints } = options;
  const warmers = Math.min(WARM_UP_BUYERS, buyers);
  const { eventId, ticketTypeId } = await createBenchEvent(endpoints, options.manifests, {
    seats: seats + warmers * quantity,
    perOrderLimit: quantity,
  });
  const client = shopper(endpoints);
  let done = 0;
  let failed = 0;
  const cart = {
    eventId,
    items: [{ ticketTypeId, quantity }],
    address: { country: 'US', postalCode: '10001', state: 'NY' },
  };

  const buy = async (n: number, measured = true): Promise<BuyerOutcome> => {
    const outcome: BuyerOutcome = { kind: 'error' };
    try {
      let t = performance.now();
      const quote = await client.quote(cart);
      outcome.quoteMs = performance.now() - t;
      t = performance.now();
      const checkout = await client.createPaymentIntent(
        { ...cart, taxCalculationId: quote.taxCalculationId },
        { email: `buyer${n}@example.com`, name: `Buyer ${n}` },
        `bench-${eventId}-${n}`,
      );
      outcome.checkoutMs = performance.now() - t;
      t = performance.now();
      await client.pay(checkout.paymentIntentId);
      const order = await watchOrder(client, checkout.orderId, checkout.orderToken, {
        timeoutMs: options.orderTimeoutMs ?? 120_000,
        intervalMs: 200,
        maxIntervalMs: 1000,
      });
      outcome.order = {
        orderId: order.orderId,
        status: order.status,
        quantities: { [ticketTypeId]: quantity },
        tickets: order.tickets,
      };
      if (order.status === 'FULFILLED') {
        outcome.fulfilMs = performance.now() - t;
        outcome.kind = 'fulfilled';
      } else {
        outcome.kind = 'other-status';
        outcome.error = `${order.orderId} ended ${order.status}`;
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) outcome.kind = 'sold-out';
      else outcome.error = (error as Error).message;
    }
    if (measured) {
      done += 1;
      if (outcome.kind === 'error' || outcome.kind === 'other-status') failed += 1;
      options.onProgress?.({ done, total: buyers, failed });
    }
    return outcome;
  };

  // Warm-up buyers (their own seats, not counted) bring each function to a few warm workers, so
  // the run measures the flow rather than a burst of cold starts on a machine of few cores.
  // One alone first (each function's first cold start), then the others together.
  const first = await buy(buyers, false);
  const warmUp = [
    first,
    ...(await Promise.all(
      Array.from({ length: warmers - 1 }, (_, n) => buy(buyers + 1 + n, false)),
    )),
  ];
  const warmUpFailures = warmUp.flatMap((o) => (o.error ? [`warm-up: ${o.error}`] : []));

  const mark = options.lines && (await markUsage(endpoints, options.lines));
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const mainBefore = process.threadCpuUsage();
  const outcomes = await Promise.all(Array.from({ length: buyers }, (_, n) => buy(n)));
  const durationS = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const main = process.threadCpuUsage(mainBefore);
  const cpuS = (cpu.user + cpu.system) / 1e6;

  const { emails } = (await fetch(`${endpoints.ses}/store`).then((r) => r.json())) as {
    emails: { destination: { to: string[] }; subject: string; body: { text?: string } }[];
  };
  const sent: SentEmail[] = emails.map((e) => ({
    to: e.destination.to.join(','),
    subject: e.subject,
    body: e.body.text ?? '',
  }));
  const orders = [...warmUp, ...outcomes].flatMap((o) => (o.order ? [o.order] : []));
  const listing = await client.listEvents();
  const left = listing.items
    .find((e) => e.eventId === eventId)
    ?.ticketTypes.find((t) => t.ticketTypeId === ticketTypeId)?.available;

  const fulfilled = outcomes.filter((o) => o.kind === 'fulfilled').length;
  const usage =
    mark && options.lines
      ? await measureUsage(endpoints, options.manifests, options.lines, mark, fulfilled)
      : undefined;
  const cost: ProcessCost | undefined = options.platformInProcess
    ? {
        cpuSPerCheckout: cpuS / Math.max(1, fulfilled),
        coresBusy: cpuS / durationS,
        mainThreadShare: (main.user + main.system) / 1e6 / cpuS,
        rssMb: process.memoryUsage.rss() / 2 ** 20,
      }
    : undefined;
  const of = (pick: (o: BuyerOutcome) => number | undefined) =>
    summarize(outcomes.flatMap((o) => (pick(o) === undefined ? [] : [pick(o) as number])));
  return {
    buyers,
    seats,
    quantity,
    durationS,
    checkoutsPerS: fulfilled / durationS,
    outcomes: {
      fulfilled,
      soldOut: outcomes.filter((o) => o.kind === 'sold-out').length,
      otherStatus: outcomes.filter((o) => o.kind === 'other-status').length,
      errors: outcomes.filter((o) => o.kind === 'error').length,
    },
    latencyMs: {
      calculateTax: of((o) => o.quoteMs),
      createPaymentIntent: of((o) => o.checkoutMs),
      paymentToFulfilled: of((o) => o.fulfilMs),
    },
    integrity: {
      ...checkIntegrity({ [ticketTypeId]: seats + warmers * quantity }, orders, sent),
      availableNeverNegative: left === undefined || left >= 0,
    },
    ...(cost && { process: cost }),
    ...(usage && { usage }),
    errors: [...warmUpFailures, ...outcomes.flatMap((o) => (o.error ? [o.error] : []))].slice(
      0,
      20,
    ),
  };
};

/** True when the run kept every promise: nothing oversold, duplicated or left unsent. */
export const benchPassed = (result: BenchResult) =>
  result.errors.length === 0 &&
  result.integrity.oversoldSeats === 0 &&
  result.integrity.duplicateTickets === 0 &&
  result.integrity.duplicateEmails === 0 &&
  result.integrity.missingEmails === 0 &&
  result.integrity.availableNeverNegative &&
  result.outcomes.errors === 0 &&
  result.outcomes.otherStatus === 0;
