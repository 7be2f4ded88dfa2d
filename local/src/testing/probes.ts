import {
  DescribeReplayCommand,
  EventBridgeClient,
  StartReplayCommand,
} from '@aws-sdk/client-eventbridge';
import Stripe from 'stripe';
import { credentialsFor, localArns, localNames } from '../naming.ts';
import { apiClient } from '../seed/api-client.ts';
import type { RepoPlatform } from './repo-platform.ts';

/**
 * What the end-to-end tests of every service look at on a running platform, in one place: the
 * bus's archive, live availability, and the real Stripe SDK against the emulator.
 */

/** The first wait between two probes, how much each next one grows, and the longest. */
const FIRST_WAIT_MS = 50;
const WAIT_GROWTH = 1.5;
const LONGEST_WAIT_MS = 500;

/**
 * Polls `probe` until `done` holds of its answer or `timeoutMs` passes; answers the last value.
 * The waits grow, as an order page backs off: a probe is a request that costs the platform an
 * invocation or two, so asking every 50 ms through a slow fulfillment on a busy machine made it
 * slower still (the event cancellation test: 61 to 57 CPU-seconds with growing waits).
 */
export const eventually = async <T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
) => {
  const started = Date.now();
  let wait = FIRST_WAIT_MS;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(LONGEST_WAIT_MS, wait * WAIT_GROWTH);
  }
};

export interface ApiAnswer {
  status: number;
  contentType: string | null;
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field in the tests
  body: any;
}

/** A call to the local API as a client makes it; the answer is returned, never thrown. */
export const callApi = async (
  local: RepoPlatform,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> => {
  const response = await fetch(`${local.endpoints.api}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined && { 'content-type': 'application/json' }),
      ...(options.token && { authorization: `Bearer ${options.token}` }),
      ...options.headers,
    },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: text ? JSON.parse(text) : undefined,
  };
};

export interface ArchivedEvent {
  'detail-type': string;
  source: string;
  detail: { metadata: { idempotencyKey: string }; data: Record<string, unknown> };
}

/** The domain events of one type the stage's bus archived, optionally for one order only. */
export const archivedEvents = async (local: RepoPlatform, detailType: string, orderId?: string) => {
  const response = await fetch(
    `${local.endpoints.edge}/_local/eventbridge/events?detail-type=${detailType}`,
  );
  const { Events } = (await response.json()) as { Events: ArchivedEvent[] };
  return Events.filter((e) => !orderId || e.detail.data.orderId === orderId);
};

/** Seats left of a ticket type, as a buyer sees them. */
export const seatsLeft = async (local: RepoPlatform, eventId: string, ticketTypeId: string) => {
  const event = await apiClient(local.endpoints.api).get<{
    ticketTypes: { ticketTypeId: string; available: number }[];
  }>(`/events/${eventId}`);
  return event.ticketTypes.find((t) => t.ticketTypeId === ticketTypeId)?.available;
};

/** The real Stripe SDK against the platform's emulator, as a browser's Stripe.js would confirm. */
export const stripeFor = (local: RepoPlatform) => {
  const url = new URL(local.endpoints.stripe);
  return new Stripe('sk_test_mytabs_tests', {
    host: url.hostname,
    port: Number(url.port),
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
  });
};

/**
 * Replays the bus's archive from `from` until now onto the bus, as an operator would with the
 * SDK, and answers once the replay ended: its final state (`COMPLETED`, or why not).
 */
export const replayArchive = async (local: RepoPlatform, from: Date, name: string) => {
  const events = new EventBridgeClient({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: credentialsFor('ops'),
  });
  await events.send(
    new StartReplayCommand({
      ReplayName: name,
      EventSourceArn: `arn:aws:events:us-east-1:000000000000:archive/${localNames.archive}`,
      EventStartTime: from,
      EventEndTime: new Date(),
      Destination: { Arn: localArns.bus(localNames.bus) },
    }),
  );
  const ended = await eventually(
    async () => (await events.send(new DescribeReplayCommand({ ReplayName: name }))).State,
    (state) => state === 'COMPLETED' || state === 'FAILED',
    60_000,
  );
  return ended;
};
