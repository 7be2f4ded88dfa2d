import type Stripe from 'stripe';
import type { Account } from './account.ts';
import { noSuchReferenced } from './errors.ts';
import { stripeId } from './stripe-ids.ts';

/** How a charge on a test card ends, from Stripe's documented test cards. */
export interface CardOutcome {
  /** The payment succeeds, then the cardholder disputes it. */
  disputed?: true;
  decline?: {
    code: string;
    declineCode: string;
    message: string;
    param?: string;
  };
}

interface TestCard extends CardOutcome {
  brand: string;
  last4: string;
}

/**
 * Stripe's test PaymentMethod aliases (docs: "Testing" → "Test cards" → "Declined payments").
 * Confirming with an alias makes a new `pm_` PaymentMethod, as Stripe does.
 */
const TEST_CARDS: Record<string, TestCard> = {
  pm_card_visa: { brand: 'visa', last4: '4242' },
  pm_card_mastercard: { brand: 'mastercard', last4: '4444' },
  pm_card_amex: { brand: 'amex', last4: '8431' },
  pm_card_createDispute: { brand: 'visa', last4: '0259', disputed: true },
  pm_card_chargeDeclined: {
    brand: 'visa',
    last4: '0002',
    decline: {
      code: 'card_declined',
      declineCode: 'generic_decline',
      message: 'Your card was declined.',
    },
  },
  pm_card_chargeDeclinedInsufficientFunds: {
    brand: 'visa',
    last4: '9995',
    decline: {
      code: 'card_declined',
      declineCode: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
    },
  },
  pm_card_chargeDeclinedLostCard: {
    brand: 'visa',
    last4: '9987',
    decline: {
      code: 'card_declined',
      declineCode: 'lost_card',
      message: 'Your card was declined.',
    },
  },
  pm_card_chargeDeclinedExpiredCard: {
    brand: 'visa',
    last4: '0069',
    decline: {
      code: 'expired_card',
      declineCode: 'expired_card',
      message: 'Your card has expired.',
    },
  },
  pm_card_chargeDeclinedIncorrectCvc: {
    brand: 'visa',
    last4: '0127',
    decline: {
      code: 'incorrect_cvc',
      declineCode: 'incorrect_cvc',
      message: "Your card's security code is incorrect.",
      param: 'cvc',
    },
  },
  pm_card_chargeDeclinedProcessingError: {
    brand: 'visa',
    last4: '0119',
    decline: {
      code: 'processing_error',
      declineCode: 'processing_error',
      message: 'An error occurred while processing your card. Try again in a little bit.',
    },
  },
};

const byLast4 = new Map(Object.values(TEST_CARDS).map((card) => [card.last4, card]));

const newPaymentMethod = (account: Account, card: TestCard): Stripe.PaymentMethod => ({
  id: stripeId('pm'),
  object: 'payment_method',
  billing_details: { address: null, email: null, name: null, phone: null, tax_id: null },
  card: {
    brand: card.brand,
    checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
    country: 'US',
    display_brand: card.brand,
    exp_month: 12,
    exp_year: new Date(account.nowMs()).getUTCFullYear() + 3,
    funding: 'credit',
    generated_from: null,
    last4: card.last4,
    networks: { available: [card.brand], preferred: null },
    regulated_status: 'unregulated',
    three_d_secure_usage: { supported: true },
    wallet: null,
  },
  created: account.now(),
  customer: null,
  customer_account: null,
  livemode: false,
  metadata: {},
  type: 'card',
});

/**
 * The PaymentMethod a `payment_method` parameter names: a test alias makes a new one; an
 * existing `pm_` id is reused. Anything else is Stripe's 400 resource_missing.
 */
export const resolvePaymentMethod = (account: Account, id: string, param = 'payment_method') => {
  const alias = Object.hasOwn(TEST_CARDS, id) ? TEST_CARDS[id] : undefined;
  if (alias) {
    const created = newPaymentMethod(account, alias);
    account.paymentMethods.set(created.id, created);
    return created;
  }
  const existing = account.paymentMethods.get(id);
  if (!existing) throw noSuchReferenced('PaymentMethod', id, param);
  return existing;
};

export const cardOutcome = (paymentMethod: Stripe.PaymentMethod): CardOutcome =>
  byLast4.get(paymentMethod.card?.last4 ?? '') ?? {};
