import type Stripe from 'stripe';
import * as z from 'zod';
import type { Account, RequestInfo, StoredPaymentIntent } from './account.ts';
import { invalidParam, invalidRequest, noSuchObject } from './errors.ts';
import { expandResponse } from './expand.ts';
import { listPage, listParamsShape, newestFirst } from './lists.ts';
import { mergeMetadata } from './metadata.ts';
import { formatAmount, MAXIMUM_AMOUNT, minimumCharge } from './money-format.ts';
import { currency, expand, formBool, formInt, metadata, parseParams } from './params.ts';
import { checkConfirmationInputs, confirmPaymentIntent } from './payment-intent-confirmation.ts';
import { route } from './router.ts';
import { secretSuffix, stripeId } from './stripe-ids.ts';
import { resolvePaymentMethod } from './test-payment-methods.ts';

const SUPPORTED_PAYMENT_METHOD_TYPES = new Set(['card']);

const AutomaticPaymentMethods = z.strictObject({
  enabled: formBool,
  allow_redirects: z.enum(['always', 'never']).optional(),
});

const CreateParams = z.strictObject({
  amount: formInt,
  currency,
  automatic_payment_methods: AutomaticPaymentMethods.optional(),
  payment_method_types: z.array(z.string()).optional(),
  capture_method: z.enum(['automatic', 'automatic_async']).optional(),
  confirm: formBool.optional(),
  description: z.string().optional(),
  error_on_requires_action: formBool.optional(),
  expand,
  metadata: metadata.optional(),
  payment_method: z.string().optional(),
  receipt_email: z.string().optional(),
  return_url: z.string().optional(),
  statement_descriptor: z.string().max(22).optional(),
  statement_descriptor_suffix: z.string().max(22).optional(),
  transfer_group: z.string().optional(),
});

const UpdateParams = z.strictObject({
  amount: formInt.optional(),
  currency: currency.optional(),
  description: z.string().optional(),
  expand,
  metadata: metadata.optional(),
  payment_method: z.string().optional(),
  receipt_email: z.string().optional(),
  statement_descriptor: z.string().max(22).optional(),
  statement_descriptor_suffix: z.string().max(22).optional(),
  transfer_group: z.string().optional(),
});

const ConfirmParams = z.strictObject({
  error_on_requires_action: formBool.optional(),
  expand,
  payment_method: z.string().optional(),
  receipt_email: z.string().optional(),
  return_url: z.string().optional(),
});

const CancelParams = z.strictObject({
  cancellation_reason: z
    .enum(['abandoned', 'duplicate', 'fraudulent', 'requested_by_customer'])
    .optional(),
  expand,
});

const RetrieveParams = z.strictObject({ client_secret: z.string().optional(), expand });
const ListParams = z.strictObject(listParamsShape);

const checkAmount = (amount: number, currencyCode: string) => {
  const minimum = minimumCharge(currencyCode);
  if (amount < minimum) {
    throw invalidParam(
      `Amount must be at least ${formatAmount(minimum, currencyCode)} ${currencyCode}`,
      'amount_too_small',
      'amount',
    );
  }
  if (amount > MAXIMUM_AMOUNT) {
    throw invalidParam(
      `Amount must be no more than ${formatAmount(MAXIMUM_AMOUNT, currencyCode)}`,
      'amount_too_large',
      'amount',
    );
  }
};

const checkPaymentMethodTypes = (types: readonly string[]) => {
  for (const [i, type] of types.entries()) {
    if (!SUPPORTED_PAYMENT_METHOD_TYPES.has(type)) {
      throw invalidParam(
        `The payment method type "${type}" is invalid. Please ensure the provided type is activated in your dashboard (https://dashboard.stripe.com/account/payments/settings) and your account is enabled for any preview features that you are trying to use.`,
        'payment_intent_invalid_parameter',
        `payment_method_types[${i}]`,
      );
    }
  }
};

export const getPaymentIntent = (account: Account, id: string, param = 'intent') => {
  const stored = account.paymentIntents.get(id);
  if (!stored) throw noSuchObject('payment_intent', id, param);
  return stored;
};

const createPaymentIntent = (
  account: Account,
  p: z.output<typeof CreateParams>,
  info: RequestInfo,
): StoredPaymentIntent => {
  checkAmount(p.amount, p.currency);
  if (p.automatic_payment_methods && p.payment_method_types) {
    throw invalidRequest(
      'You may only specify one of these parameters: automatic_payment_methods, payment_method_types.',
    );
  }
  if (p.payment_method_types) checkPaymentMethodTypes(p.payment_method_types);
  // Since 2023-08-16 a PaymentIntent without payment_method_types uses automatic payment methods.
  const automatic = p.payment_method_types
    ? null
    : {
        allow_redirects: p.automatic_payment_methods?.allow_redirects ?? 'always',
        enabled: p.automatic_payment_methods?.enabled ?? true,
      };
  const id = stripeId('pi');
  const intent: Stripe.PaymentIntent = {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: null,
    amount: p.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: automatic,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: p.capture_method ?? 'automatic_async',
    client_secret: `${id}_secret_${secretSuffix()}`,
    confirmation_method: 'automatic',
    created: account.now(),
    currency: p.currency,
    customer: null,
    customer_account: null,
    description: p.description ?? null,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: mergeMetadata({}, p.metadata),
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {
      card: {
        installments: null,
        mandate_options: null,
        network: null,
        request_three_d_secure: 'automatic',
      },
    },
    payment_method_types: p.payment_method_types ?? ['card'],
    payment_record: null,
    processing: null,
    receipt_email: p.receipt_email ?? null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: p.statement_descriptor ?? null,
    statement_descriptor_suffix: p.statement_descriptor_suffix ?? null,
    status: 'requires_payment_method',
    transfer_data: null,
    transfer_group: p.transfer_group ?? null,
  };
  const stored: StoredPaymentIntent = { object: intent, returnUrl: p.return_url ?? null };
  // Checked before anything is stored: a refused `confirm=true` creates no PaymentIntent.
  if (p.confirm) checkConfirmationInputs(intent, p.payment_method, p.return_url);
  if (p.payment_method) {
    const pm = resolvePaymentMethod(account, p.payment_method);
    intent.payment_method = pm.id;
    intent.status = 'requires_confirmation';
  }
  account.paymentIntents.set(id, stored);
  account.emit('payment_intent.created', intent, info);
  return stored;
};

const UPDATABLE_STATUSES = ['requires_payment_method', 'requires_confirmation', 'requires_action'];

const updatePaymentIntent = (
  stored: StoredPaymentIntent,
  p: z.output<typeof UpdateParams>,
  account: Account,
) => {
  const intent = stored.object;
  for (const field of ['amount', 'currency', 'payment_method'] as const) {
    if (p[field] !== undefined && !UPDATABLE_STATUSES.includes(intent.status)) {
      throw invalidRequest(
        `This PaymentIntent's ${field} could not be updated because it has a status of ${intent.status}. You may only update the ${field} of a PaymentIntent with one of the following statuses: ${UPDATABLE_STATUSES.join(', ')}.`,
        'payment_intent_unexpected_state',
        field,
      );
    }
  }
  const nextCurrency = p.currency ?? intent.currency;
  if (p.amount !== undefined || p.currency !== undefined) {
    checkAmount(p.amount ?? intent.amount, nextCurrency);
  }
  if (p.payment_method !== undefined) {
    intent.payment_method = resolvePaymentMethod(account, p.payment_method).id;
    intent.status = 'requires_confirmation';
  }
  if (p.amount !== undefined) intent.amount = p.amount;
  intent.currency = nextCurrency;
  intent.metadata = mergeMetadata(intent.metadata, p.metadata);
  if (p.description !== undefined) intent.description = p.description || null;
  if (p.receipt_email !== undefined) intent.receipt_email = p.receipt_email || null;
  if (p.statement_descriptor !== undefined) {
    intent.statement_descriptor = p.statement_descriptor || null;
  }
  if (p.statement_descriptor_suffix !== undefined) {
    intent.statement_descriptor_suffix = p.statement_descriptor_suffix || null;
  }
  if (p.transfer_group !== undefined) intent.transfer_group = p.transfer_group || null;
};

const CANCELABLE_STATUSES = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
  'processing',
];

const cancelPaymentIntent = (
  account: Account,
  stored: StoredPaymentIntent,
  reason: Stripe.PaymentIntent.CancellationReason | undefined,
  info: RequestInfo,
) => {
  const intent = stored.object;
  if (!CANCELABLE_STATUSES.includes(intent.status)) {
    throw invalidRequest(
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE_STATUSES.join(', ')}.`,
      'payment_intent_unexpected_state',
    );
  }
  intent.status = 'canceled';
  intent.canceled_at = account.now();
  intent.cancellation_reason = reason ?? null;
  account.emit('payment_intent.canceled', intent, info);
};

export const paymentIntentRoutes = [
  route('POST', '/v1/payment_intents', ({ params, info }, account) => {
    const p = parseParams(CreateParams, params);
    const stored = createPaymentIntent(account, p, info);
    if (p.confirm) confirmPaymentIntent(account, stored, {}, info);
    return expandResponse(account, stored.object, p.expand);
  }),
  route('GET', '/v1/payment_intents', ({ params }, account) => {
    const p = parseParams(ListParams, params);
    const intents = newestFirst([...account.paymentIntents.values()].map((s) => s.object));
    return expandResponse(account, listPage(intents, '/v1/payment_intents', p), p.expand);
  }),
  route('GET', '/v1/payment_intents/:id', ({ params, pathParams }, account) => {
    const p = parseParams(RetrieveParams, params);
    const stored = getPaymentIntent(account, pathParams.id ?? '');
    return expandResponse(account, stored.object, p.expand);
  }),
  route('POST', '/v1/payment_intents/:id', ({ params, pathParams }, account) => {
    const p = parseParams(UpdateParams, params);
    const stored = getPaymentIntent(account, pathParams.id ?? '');
    updatePaymentIntent(stored, p, account);
    return expandResponse(account, stored.object, p.expand);
  }),
  route('POST', '/v1/payment_intents/:id/confirm', ({ params, pathParams, info }, account) => {
    const p = parseParams(ConfirmParams, params);
    const stored = getPaymentIntent(account, pathParams.id ?? '');
    if (p.receipt_email !== undefined) stored.object.receipt_email = p.receipt_email || null;
    confirmPaymentIntent(
      account,
      stored,
      { paymentMethod: p.payment_method, returnUrl: p.return_url },
      info,
    );
    return expandResponse(account, stored.object, p.expand);
  }),
  route('POST', '/v1/payment_intents/:id/cancel', ({ params, pathParams, info }, account) => {
    const p = parseParams(CancelParams, params);
    const stored = getPaymentIntent(account, pathParams.id ?? '');
    cancelPaymentIntent(account, stored, p.cancellation_reason, info);
    return expandResponse(account, stored.object, p.expand);
  }),
];
