import type Stripe from 'stripe';
import { signatureHeader } from './webhook-signature.ts';

export interface WebhookEndpoint {
  url: string;
  /** The endpoint's signing secret, `whsec_...`. */
  secret: string;
}

export interface WebhookDeliveryOptions {
  endpoints: readonly WebhookEndpoint[];
  /** Waits before each retry of a failed delivery; after the last one Stripe gives up. */
  retryDelaysMs: readonly number[];
  nowMs: () => number;
  log: (line: string) => void;
}

/** How long an endpoint may take to answer before the attempt counts as failed. */
const ATTEMPT_TIMEOUT_MS = 10_000;

/**
 * Delivers events to webhook endpoints as Stripe does: a JSON POST signed with the endpoint's
 * secret (a fresh timestamp per attempt), retried with backoff until a 2xx answer, at least once.
 * Each endpoint gets events in the order they happened (first attempts are queued per endpoint);
 * retries run on their own schedule, so a failing event does not hold the ones after it.
 */
export class WebhookDelivery {
  private readonly queues = new Map<WebhookEndpoint, Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly closing = new AbortController();

  constructor(private readonly options: WebhookDeliveryOptions) {}

  get endpointCount() {
    return this.options.endpoints.length;
  }

  /** Sends `event` to every endpoint; `onDelivered` runs once per endpoint that answered 2xx. */
  deliver(event: Stripe.Event, onDelivered: () => void) {
    for (const endpoint of this.options.endpoints) {
      const previous = this.queues.get(endpoint) ?? Promise.resolve();
      const next = previous.then(() => this.attempt(endpoint, event, 0, onDelivered));
      this.queues.set(endpoint, next);
    }
  }

  close() {
    this.closing.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async attempt(
    endpoint: WebhookEndpoint,
    event: Stripe.Event,
    retry: number,
    onDelivered: () => void,
  ): Promise<void> {
    if (this.closing.signal.aborted) return;
    const payload = JSON.stringify(event, null, 2);
    const timestampS = Math.floor(this.options.nowMs() / 1000);
    let failure: string;
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'stripe-signature': signatureHeader(payload, endpoint.secret, timestampS),
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'cache-control': 'no-cache',
        },
        body: payload,
        signal: AbortSignal.any([this.closing.signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
      });
      await response.body?.cancel();
      if (response.ok) {
        this.options.log(`stripe: ${event.type} ${event.id} → ${endpoint.url}: ${response.status}`);
        onDelivered();
        return;
      }
      failure = `HTTP ${response.status}`;
    } catch (error) {
      if (this.closing.signal.aborted) return;
      failure = (error as Error).cause ? String((error as Error).cause) : String(error);
    }
    const delay = this.options.retryDelaysMs[retry];
    if (delay === undefined) {
      this.options.log(
        `stripe: ${event.type} ${event.id} → ${endpoint.url} failed (${failure}); giving up after ${retry + 1} attempts`,
      );
      return;
    }
    this.options.log(
      `stripe: ${event.type} ${event.id} → ${endpoint.url} failed (${failure}); retrying in ${delay} ms`,
    );
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(endpoint, event, retry + 1, onDelivered);
    }, delay);
    this.timers.add(timer);
  }
}
