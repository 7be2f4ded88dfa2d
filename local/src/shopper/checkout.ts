import type {
  CalculateTaxResponse,
  CreatePaymentIntentResponse,
  ListEventsResponse,
  Order,
  OrderStatus,
} from '@mytabs/contracts';
import { STRIPE_API_VERSION } from '@mytabs/contracts';
import Stripe from 'stripe';

export interface ShopperEndpoints {
  api: string;
  stripe: string;
}

/** An answer other than 2xx: its status and problem body, for the caller to show or count. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} answered ${status}: ${body}`);
  }
}

const request = async <T>(url: string, init: RequestInit, what: string): Promise<T> => {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) throw new ApiError(response.status, text, what);
  return JSON.parse(text) as T;
};

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

export interface Cart {
  eventId: string;
  items: { ticketTypeId: string; quantity: number }[];
  address: { country: string; postalCode: string; state?: string };
}

const stripeClients = new Map<string, Stripe>();

/** The Stripe SDK as a browser's Stripe.js would confirm a payment: against the emulator. */
const stripeFor = (stripeUrl: string) => {
  let client = stripeClients.get(stripeUrl);
  if (!client) {
    const url = new URL(stripeUrl);
    client = new Stripe('sk_test_mytabs_shopper', {
      host: url.hostname,
      port: Number(url.port),
      protocol: url.protocol === 'https:' ? 'https' : 'http',
      apiVersion: STRIPE_API_VERSION as Stripe.StripeConfig['apiVersion'],
      maxNetworkRetries: 0,
      telemetry: false,
    });
    stripeClients.set(stripeUrl, client);
  }
  return client;
};

/**
 * A buyer of the public API, doing what the ticket site does: list events, quote a cart, create
 * the PaymentIntent (seats held, order created), pay it with a test card, and watch the order.
 */
export const shopper = (endpoints: ShopperEndpoints) => ({
  listEvents: () => request<ListEventsResponse>(`${endpoints.api}/events`, {}, 'GET /events'),

  quote: (cart: Cart) =>
    request<CalculateTaxResponse>(
      `${endpoints.api}/payments/calculate-tax`,
      json(cart),
      'POST /payments/calculate-tax',
    ),

  createPaymentIntent: (
    cart: Cart & { taxCalculationId?: string },
    buyer: { email: string; name: string },
    idempotencyKey?: string,
  ) =>
    request<CreatePaymentIntentResponse>(
      `${endpoints.api}/payments/createPaymentIntent`,
      json({ ...cart, buyer }, idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      'POST /payments/createPaymentIntent',
    ),

  /** Confirms with a test card, e.g. `pm_card_visa`; a decline throws Stripe's card error. */
  pay: (paymentIntentId: string, paymentMethod = 'pm_card_visa') =>
    stripeFor(endpoints.stripe).paymentIntents.confirm(paymentIntentId, {
      payment_method: paymentMethod,
    }),

  order: (orderId: string, orderToken: string) =>
    request<Order>(
      `${endpoints.api}/orders/${orderId}`,
      { headers: { authorization: `Bearer ${orderToken}` } },
      `GET /orders/${orderId}`,
    ),
});

export type Shopper = ReturnType<typeof shopper>;

const FINAL: ReadonlySet<OrderStatus> = new Set([
  'FULFILLED',
  'FAILED',
  'CANCELED',
  'REFUNDED',
  'PARTIALLY_REFUNDED',
  'DISPUTED',
]);

/**
 * Polls an order until it reaches a final status or `timeoutMs` passes, calling `onChange` with
 * each status it sees first (and when, in ms since the watch began). The wait between polls
 * starts at `intervalMs` and grows by a quarter each time up to `maxIntervalMs`, as an order page
 * backs off: a buyer whose order is slow does not make it slower for everyone by asking harder.
 */
export const watchOrder = async (
  buyer: Shopper,
  orderId: string,
  orderToken: string,
  {
    timeoutMs = 30_000,
    intervalMs = 100,
    maxIntervalMs = intervalMs,
    onChange = (_s: OrderStatus, _ms: number) => {},
  }: {
    timeoutMs?: number;
    intervalMs?: number;
    maxIntervalMs?: number;
    onChange?: (status: OrderStatus, ms: number) => void;
  } = {},
): Promise<Order> => {
  const started = performance.now();
  let last: OrderStatus | undefined;
  let wait = intervalMs;
  for (;;) {
    const order = await buyer.order(orderId, orderToken);
    if (order.status !== last) {
      last = order.status;
      onChange(order.status, performance.now() - started);
    }
    if (FINAL.has(order.status) || performance.now() - started > timeoutMs) return order;
    await new Promise((r) => setTimeout(r, wait));
    wait = Math.min(maxIntervalMs, wait * 1.25);
  }
};
