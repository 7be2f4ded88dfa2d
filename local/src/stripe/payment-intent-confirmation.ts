import type Stripe from 'stripe';
import type { Account, RequestInfo, StoredPaymentIntent } from './account.ts';
import { createCharge } from './charges.ts';
import { openDispute } from './disputes.ts';
import { invalidRequest, StripeApiError, unexpectedState } from './errors.ts';
import { cardOutcome, resolvePaymentMethod } from './test-payment-methods.ts';

const CONFIRMABLE_STATUSES = ['requires_confirmation', 'requires_payment_method'];

const checkConfirmable = (intent: Stripe.PaymentIntent) => {
  if (intent.status === 'succeeded') {
    throw unexpectedState(
      'You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.',
    );
  }
  if (!CONFIRMABLE_STATUSES.includes(intent.status)) {
    throw unexpectedState(
      `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be confirmed: ${CONFIRMABLE_STATUSES.join(', ')}.`,
    );
  }
};

/** Stripe's rule for server-side confirmation when redirect-based methods may be offered. */
const needsReturnUrl = (intent: Stripe.PaymentIntent) =>
  intent.automatic_payment_methods?.enabled === true &&
  intent.automatic_payment_methods.allow_redirects !== 'never';

/**
 * What confirming needs besides a confirmable status: a payment method, and a `return_url` when
 * redirect-based methods may be used. Checked before `confirm=true` creates anything, too.
 */
export function checkConfirmationInputs(
  intent: Stripe.PaymentIntent,
  paymentMethodId: unknown,
  returnUrl: string | null | undefined,
): asserts paymentMethodId is string {
  if (typeof paymentMethodId !== 'string') {
    throw invalidRequest(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
      'payment_intent_unexpected_state',
    );
  }
  if (needsReturnUrl(intent) && !returnUrl) {
    throw invalidRequest(
      'A `return_url` must be specified because this Payment Intent is configured to automatically accept the payment methods enabled in the Dashboard, some of which may require a full page redirect to succeed. If you do not want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.',
      undefined,
      'return_url',
    );
  }
}

/**
 * Confirms a PaymentIntent with a test card: `succeeded` with a Charge, or a card error (402)
 * that leaves it `requires_payment_method` with `last_payment_error`, so the buyer can retry.
 * State changes and events happen before the error is thrown, as they do at Stripe.
 */
export const confirmPaymentIntent = (
  account: Account,
  stored: StoredPaymentIntent,
  options: { paymentMethod?: string | undefined; returnUrl?: string | undefined },
  info: RequestInfo,
) => {
  const intent = stored.object;
  checkConfirmable(intent);
  const paymentMethodId = options.paymentMethod ?? intent.payment_method;
  const returnUrl = options.returnUrl ?? stored.returnUrl;
  checkConfirmationInputs(intent, paymentMethodId, returnUrl);
  const paymentMethod = resolvePaymentMethod(account, paymentMethodId);
  stored.returnUrl = returnUrl;
  const outcome = cardOutcome(paymentMethod);
  const charge = createCharge(account, intent, paymentMethod, outcome);
  intent.latest_charge = charge.id;
  if (!outcome.decline) {
    intent.status = 'succeeded';
    intent.payment_method = paymentMethod.id;
    intent.amount_received = intent.amount;
    intent.last_payment_error = null;
    account.emit('charge.succeeded', charge, info);
    account.emit('payment_intent.succeeded', intent, info);
    if (outcome.disputed) openDispute(account, charge.id);
    return;
  }
  const { code, declineCode, message, param } = outcome.decline;
  intent.status = 'requires_payment_method';
  intent.payment_method = null;
  intent.last_payment_error = {
    type: 'card_error',
    charge: charge.id,
    code: code as Stripe.PaymentIntent.LastPaymentError.Code,
    decline_code: declineCode,
    doc_url: `https://stripe.com/docs/error-codes/${code.replaceAll('_', '-')}`,
    message,
    ...(param ? { param } : {}),
    payment_method: paymentMethod,
  };
  account.emit('charge.failed', charge, info);
  account.emit('payment_intent.payment_failed', intent, info);
  throw new StripeApiError(402, {
    type: 'card_error',
    code,
    decline_code: declineCode,
    message,
    ...(param ? { param } : {}),
    extra: {
      charge: charge.id,
      payment_intent: structuredClone(intent),
      payment_method: structuredClone(paymentMethod),
    },
  });
};
