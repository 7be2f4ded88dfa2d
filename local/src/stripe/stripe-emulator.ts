import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { STRIPE_API_VERSION } from '@mytabs/contracts';
import type Stripe from 'stripe';
import type { LocalFaults } from '../faults/local-faults.ts';
import { close, listen } from '../listen.ts';
import { MalformedRequestTarget, parseRequestTarget } from '../request-target.ts';
import { Account } from './account.ts';
import { authenticate } from './api-keys.ts';
import { chargeRoutes } from './charges.ts';
import { disputeRoutes, openDispute } from './disputes.ts';
import { invalidRequest, StripeApiError, unrecognizedUrl } from './errors.ts';
import { eventRoutes } from './events.ts';
import { decodeForm, FormDecodingError } from './form-decoding.ts';
import { IdempotencyStore, type StoredResponse } from './idempotency.ts';
import { paymentIntentRoutes } from './payment-intents.ts';
import { refundRoutes } from './refunds.ts';
import { findRoute, type Route } from './router.ts';
import { stripeFaults } from './stripe-faults.ts';
import { requestId as newRequestId } from './stripe-ids.ts';
import { taxCalculationRoutes } from './tax-calculations.ts';
import { taxLocationRoutes } from './tax-locations.ts';
import { taxReversalRoutes } from './tax-reversals.ts';
import { taxTransactionRoutes } from './tax-transactions.ts';
import { WebhookDelivery, type WebhookEndpoint } from './webhook-delivery.ts';

export type { WebhookEndpoint } from './webhook-delivery.ts';

export interface StripeEmulatorOptions {
  /** 0 picks a free port. */
  port: number;
  webhookEndpoints: readonly WebhookEndpoint[];
  /** Waits before each webhook retry; tests shorten it. */
  webhookRetryDelaysMs?: readonly number[];
  /** Milliseconds since the epoch; tests inject their own clock. */
  nowMs?: () => number;
  log: (line: string) => void;
  /** Injected outages: 5xx answers or no answer while a `stripe` fault is in force. */
  faults?: LocalFaults;
}

export interface StripeEmulator {
  url: string;
  port: number;
  /** The API version it answers in, the one pinned in contracts. */
  apiVersion: string;
  close(): Promise<void>;
  /** Delivers an existing event again to every endpoint, as `stripe events resend` does. */
  resendEvent(eventId: string): Stripe.Event;
  /** Opens a dispute on a succeeded charge: a `dp_` Dispute and `charge.dispute.created`. */
  createDispute(chargeId: string, reason?: string): Stripe.Dispute;
}

/** Stripe's retry schedule shortened for a laptop: five retries over about an hour and a quarter. */
const DEFAULT_RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 3_600_000];

const ROUTES: readonly Route[] = [
  ...paymentIntentRoutes,
  ...chargeRoutes,
  ...refundRoutes,
  ...disputeRoutes,
  ...taxLocationRoutes,
  ...taxCalculationRoutes,
  ...taxTransactionRoutes,
  ...taxReversalRoutes,
  ...eventRoutes,
];

const API_VERSION_PATTERN = /^\d{4}-\d{2}-\d{2}(?:\.[a-z]+)?$/;

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** Parameters come form-encoded, in the body of a POST and the query string of a GET. */
const decodeParams = (encoded: string) => {
  try {
    return decodeForm(encoded);
  } catch (error) {
    if (error instanceof FormDecodingError) throw invalidRequest(error.message);
    throw error;
  }
};

/** A target that is not a plain path is a URL Stripe does not recognize. */
const requestUrl = (method: string, target: string) => {
  try {
    return parseRequestTarget(target);
  } catch (error) {
    if (error instanceof MalformedRequestTarget)
      throw unrecognizedUrl(method, target.slice(0, 100));
    throw error;
  }
};

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** An HTTP server speaking the subset of Stripe's API the platform calls, on 127.0.0.1. */
export const startStripeEmulator = async (
  options: StripeEmulatorOptions,
): Promise<StripeEmulator> => {
  const nowMs = options.nowMs ?? Date.now;
  const delivery = new WebhookDelivery({
    endpoints: options.webhookEndpoints,
    retryDelaysMs: options.webhookRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    nowMs,
    log: options.log,
  });
  const deliver = (event: Stripe.Event) => {
    event.pending_webhooks += delivery.endpointCount;
    delivery.deliver(event, () => {
      event.pending_webhooks -= 1;
    });
  };
  const account = new Account(STRIPE_API_VERSION, nowMs, deliver);
  const idempotency = new IdempotencyStore(nowMs);

  const handle = async (
    req: IncomingMessage,
  ): Promise<StoredResponse & { originalRequest?: string }> => {
    const requestId = newRequestId();
    const answer = (status: number, body: unknown) => ({
      status,
      body: `${JSON.stringify(body, null, 2)}\n`,
      requestId,
    });
    const method = req.method ?? 'GET';
    const rawBody = await readBody(req);
    const idempotencyKey = method === 'POST' ? single(req.headers['idempotency-key']) : undefined;
    try {
      const url = requestUrl(method, req.url ?? '/');
      authenticate(req.headers);
      const version = single(req.headers['stripe-version']);
      if (version !== undefined && !API_VERSION_PATTERN.test(version)) {
        throw invalidRequest(`Invalid Stripe API version: ${version}`);
      }
      const found = findRoute(ROUTES, method, url.pathname);
      if (!found) throw unrecognizedUrl(method, url.pathname);
      const params = decodeParams(method === 'GET' ? url.search.slice(1) : rawBody);
      if (idempotencyKey !== undefined) {
        const stored = idempotency.lookup(idempotencyKey, url.pathname, params);
        if (stored) return { ...stored, requestId, originalRequest: stored.requestId };
      }
      let response: StoredResponse;
      try {
        const info = { id: requestId, idempotency_key: idempotencyKey ?? null };
        response = answer(
          200,
          found.route.handler({ method, params, pathParams: found.pathParams, info }, account),
        );
      } catch (error) {
        if (!(error instanceof StripeApiError)) throw error;
        if (error.validation) throw error;
        response = answer(error.status, error.body(requestId));
      }
      if (idempotencyKey !== undefined) {
        idempotency.save(idempotencyKey, url.pathname, params, response);
      }
      return response;
    } catch (error) {
      if (error instanceof StripeApiError) return answer(error.status, error.body(requestId));
      options.log(`stripe: internal error (${requestId}): ${(error as Error).stack ?? error}`);
      return answer(500, {
        error: { type: 'api_error', message: 'An unknown error occurred' },
      });
    }
  };

  const outages = stripeFaults(options.faults);
  const respond = (req: IncomingMessage, res: ServerResponse) => {
    if (outages.intercept(req, res)) return;
    handle(req).then(
      (response) => {
        const version = single(req.headers['stripe-version']) ?? STRIPE_API_VERSION;
        res.writeHead(response.status, {
          'content-type': 'application/json',
          'request-id': response.requestId,
          'stripe-version': version,
          ...(req.headers['idempotency-key']
            ? { 'idempotency-key': single(req.headers['idempotency-key']) }
            : {}),
          ...(response.originalRequest
            ? { 'idempotent-replayed': 'true', 'original-request': response.originalRequest }
            : {}),
        });
        res.end(response.body);
        options.log(
          `stripe: ${req.method} ${req.url} → ${response.status} (${response.requestId})`,
        );
      },
      (error: unknown) => {
        options.log(`stripe: failed to answer ${req.method} ${req.url}: ${String(error)}`);
        res.destroy();
      },
    );
  };

  const server = createServer(respond);
  const port = await listen(server, options.port, 'Stripe emulator', 'MYTABS_STRIPE_PORT');
  const url = `http://127.0.0.1:${port}`;
  options.log(
    `stripe: emulator on ${url}, API version ${STRIPE_API_VERSION}; webhooks to ${
      options.webhookEndpoints.map((e) => e.url).join(', ') || 'no endpoint'
    }`,
  );

  return {
    url,
    port,
    apiVersion: STRIPE_API_VERSION,
    async close() {
      delivery.close();
      outages.close();
      await close(server);
    },
    resendEvent: (eventId) => account.resend(eventId),
    createDispute: (chargeId, reason) => openDispute(account, chargeId, reason),
  };
};
