import type Stripe from 'stripe';
import { noSuchObject } from './errors.ts';
import { stripeId } from './stripe-ids.ts';

/** What an API request that changed state was: Stripe puts it in each Event's `request`. */
export interface RequestInfo {
  id: string | null;
  idempotency_key: string | null;
}

/** A PaymentIntent plus what Stripe keeps about it without showing it. */
export interface StoredPaymentIntent {
  object: Stripe.PaymentIntent;
  returnUrl: string | null;
}

export interface StoredTaxCalculation {
  object: Stripe.Tax.Calculation;
  lineItems: Stripe.Tax.CalculationLineItem[];
}

export interface StoredTaxTransaction {
  object: Stripe.Tax.Transaction;
  lineItems: Stripe.Tax.TransactionLineItem[];
}

/**
 * The one test-mode account every `sk_test_` key opens, held in memory. Every state change goes
 * through `emit`, which records the Event and hands it to webhook delivery.
 */
export class Account {
  readonly paymentIntents = new Map<string, StoredPaymentIntent>();
  readonly paymentMethods = new Map<string, Stripe.PaymentMethod>();
  readonly charges = new Map<string, Stripe.Charge>();
  readonly refunds = new Map<string, Stripe.Refund>();
  readonly disputes = new Map<string, Stripe.Dispute>();
  readonly taxLocations = new Map<string, Stripe.Tax.Location>();
  readonly taxCalculations = new Map<string, StoredTaxCalculation>();
  readonly taxTransactions = new Map<string, StoredTaxTransaction>();
  readonly events = new Map<string, Stripe.Event>();

  constructor(
    readonly apiVersion: string,
    /** Milliseconds since the epoch; tests inject their own. */
    readonly nowMs: () => number,
    private readonly onEvent: (event: Stripe.Event) => void,
  ) {}

  /** Seconds since the epoch, as every Stripe timestamp. */
  now() {
    return Math.floor(this.nowMs() / 1000);
  }

  emit(
    type: Stripe.Event.Type,
    object: object,
    request: RequestInfo | null,
    previousAttributes?: Record<string, unknown>,
  ): Stripe.Event {
    const event = {
      id: stripeId('evt'),
      object: 'event',
      api_version: this.apiVersion,
      created: this.now(),
      data: {
        // A snapshot: later changes to the object must not rewrite what the event said.
        object: structuredClone(object),
        ...(previousAttributes ? { previous_attributes: previousAttributes } : {}),
      },
      livemode: false,
      pending_webhooks: 0,
      request: request ?? { id: null, idempotency_key: null },
      type,
    } as Stripe.Event;
    this.events.set(event.id, event);
    this.onEvent(event);
    return event;
  }

  /** Delivers a recorded event again, as `stripe events resend` asks Stripe to. */
  resend(eventId: string): Stripe.Event {
    const event = this.events.get(eventId);
    if (!event) throw noSuchObject('event', eventId);
    this.onEvent(event);
    return event;
  }
}
