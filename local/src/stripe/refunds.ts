import type Stripe from 'stripe';
import * as z from 'zod';
import type { Account, RequestInfo } from './account.ts';
import { getCharge } from './charges.ts';
import { invalidParam, invalidRequest, noSuchObject, noSuchReferenced } from './errors.ts';
import { expandResponse } from './expand.ts';
import { listPage, listParamsShape, newestFirst } from './lists.ts';
import { mergeMetadata } from './metadata.ts';
import { formatAmount } from './money-format.ts';
import { expand, formPositiveInt, metadata, parseParams } from './params.ts';
import { route } from './router.ts';
import { stripeId } from './stripe-ids.ts';

const CreateParams = z.strictObject({
  amount: formPositiveInt.optional(),
  charge: z.string().optional(),
  expand,
  instructions_email: z.string().optional(),
  metadata: metadata.optional(),
  payment_intent: z.string().optional(),
  reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer']).optional(),
});
const UpdateParams = z.strictObject({ expand, metadata: metadata.optional() });
const RetrieveParams = z.strictObject({ expand });
const ListParams = z.strictObject({
  ...listParamsShape,
  charge: z.string().optional(),
  payment_intent: z.string().optional(),
});

/** The charge a refund request names, directly or through its PaymentIntent's latest charge. */
const chargeToRefund = (account: Account, p: z.output<typeof CreateParams>) => {
  if (p.charge && p.payment_intent) {
    throw invalidRequest(
      'You may only specify one of these parameters: charge, payment_intent.',
      undefined,
      'payment_intent',
    );
  }
  if (p.payment_intent) {
    const intent = account.paymentIntents.get(p.payment_intent)?.object;
    if (!intent) throw noSuchReferenced('payment_intent', p.payment_intent, 'payment_intent');
    if (intent.status !== 'succeeded' || typeof intent.latest_charge !== 'string') {
      throw invalidRequest(
        `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
        'charge_not_refundable',
        'payment_intent',
      );
    }
    return getCharge(account, intent.latest_charge);
  }
  if (p.charge) {
    const charge = account.charges.get(p.charge);
    if (!charge) throw noSuchReferenced('charge', p.charge, 'charge');
    return charge;
  }
  throw invalidParam(
    'One of the following params should be provided for this request: payment_intent or charge.',
    'parameter_missing',
    'payment_intent',
  );
};

const createRefund = (account: Account, p: z.output<typeof CreateParams>, info: RequestInfo) => {
  const charge = chargeToRefund(account, p);
  if (charge.status !== 'succeeded') {
    throw invalidRequest(
      `Charge ${charge.id} has not succeeded and cannot be refunded.`,
      'charge_not_refundable',
    );
  }
  if (charge.disputed) {
    throw invalidRequest(
      `Charge ${charge.id} has been charged back; cannot issue a refund.`,
      'charge_disputed',
    );
  }
  const unrefunded = charge.amount - charge.amount_refunded;
  if (unrefunded === 0) {
    throw invalidRequest(
      `Charge ${charge.id} has already been refunded.`,
      'charge_already_refunded',
    );
  }
  const amount = p.amount ?? unrefunded;
  if (amount > unrefunded) {
    throw invalidRequest(
      `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(unrefunded, charge.currency)})`,
      'amount_too_large',
      'amount',
    );
  }
  const refund: Stripe.Refund = {
    id: stripeId('re'),
    object: 'refund',
    amount,
    balance_transaction: stripeId('txn'),
    charge: charge.id,
    created: account.now(),
    currency: charge.currency,
    customer: null,
    customer_account: null,
    destination_details: {
      card: {
        reference_status: 'pending',
        reference_type: 'acquirer_reference_number',
        type: 'refund',
      },
      type: 'card',
    } as Stripe.Refund.DestinationDetails,
    metadata: mergeMetadata({}, p.metadata),
    payment_intent: charge.payment_intent,
    payment_method: charge.payment_method,
    reason: p.reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
  account.refunds.set(refund.id, refund);
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  account.emit('refund.created', refund, info);
  account.emit('charge.refunded', charge, info, previous);
  return refund;
};

const getRefund = (account: Account, id: string) => {
  const refund = account.refunds.get(id);
  if (!refund) throw noSuchObject('refund', id, 'refund');
  return refund;
};

export const refundRoutes = [
  route('POST', '/v1/refunds', ({ params, info }, account) => {
    const p = parseParams(CreateParams, params);
    return expandResponse(account, createRefund(account, p, info), p.expand);
  }),
  route('GET', '/v1/refunds/:id', ({ params, pathParams }, account) => {
    const p = parseParams(RetrieveParams, params);
    return expandResponse(account, getRefund(account, pathParams.id ?? ''), p.expand);
  }),
  route('POST', '/v1/refunds/:id', ({ params, pathParams }, account) => {
    const p = parseParams(UpdateParams, params);
    const refund = getRefund(account, pathParams.id ?? '');
    refund.metadata = mergeMetadata(refund.metadata ?? {}, p.metadata);
    return expandResponse(account, refund, p.expand);
  }),
  route('GET', '/v1/refunds', ({ params }, account) => {
    const p = parseParams(ListParams, params);
    const refunds = newestFirst(account.refunds.values()).filter(
      (r) =>
        (!p.charge || r.charge === p.charge) &&
        (!p.payment_intent || r.payment_intent === p.payment_intent),
    );
    return expandResponse(account, listPage(refunds, '/v1/refunds', p), p.expand);
  }),
];
