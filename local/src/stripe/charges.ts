import type Stripe from 'stripe';
import * as z from 'zod';
import type { Account } from './account.ts';
import { noSuchObject } from './errors.ts';
import { expandResponse } from './expand.ts';
import { listPage, listParamsShape, newestFirst } from './lists.ts';
import { expand, parseParams } from './params.ts';
import { route } from './router.ts';
import { stripeId } from './stripe-ids.ts';
import type { CardOutcome } from './test-payment-methods.ts';

const sellerMessage = (outcome: CardOutcome) =>
  !outcome.decline
    ? 'Payment complete.'
    : outcome.decline.declineCode === 'generic_decline'
      ? 'The bank did not return any further details with this decline.'
      : `The bank returned the decline code \`${outcome.decline.declineCode}\`.`;

/** The Charge one confirmation attempt makes: `succeeded`, or `failed` with the decline. */
export const createCharge = (
  account: Account,
  intent: Stripe.PaymentIntent,
  paymentMethod: Stripe.PaymentMethod,
  outcome: CardOutcome,
): Stripe.Charge => {
  const succeeded = !outcome.decline;
  const card = paymentMethod.card;
  const charge: Stripe.Charge = {
    id: stripeId('ch'),
    object: 'charge',
    amount: intent.amount,
    amount_captured: succeeded ? intent.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: succeeded ? stripeId('txn') : null,
    billing_details: paymentMethod.billing_details,
    calculated_statement_descriptor: 'MYTABS',
    captured: succeeded,
    created: account.now(),
    currency: intent.currency,
    customer: null,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: outcome.decline?.code ?? null,
    failure_message: outcome.decline?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: { ...intent.metadata },
    on_behalf_of: null,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: succeeded ? 'approved_by_network' : 'declined_by_network',
      reason: outcome.decline?.declineCode ?? null,
      risk_level: 'normal',
      risk_score: 20,
      seller_message: sellerMessage(outcome),
      type: succeeded ? 'authorized' : 'issuer_declined',
    },
    paid: succeeded,
    payment_intent: intent.id,
    payment_method: paymentMethod.id,
    payment_method_details: {
      type: 'card',
      card: {
        amount_authorized: succeeded ? intent.amount : null,
        authorization_code: succeeded ? '123456' : null,
        brand: card?.brand ?? null,
        checks: card?.checks ?? null,
        country: card?.country ?? null,
        exp_month: card?.exp_month ?? 12,
        exp_year: card?.exp_year ?? 2030,
        funding: card?.funding ?? null,
        last4: card?.last4 ?? null,
        network: card?.brand ?? null,
        network_token: { used: false },
        network_transaction_id: null,
        regulated_status: 'unregulated',
        three_d_secure: null,
        wallet: null,
      },
    } as Stripe.Charge.PaymentMethodDetails,
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: intent.statement_descriptor,
    statement_descriptor_suffix: intent.statement_descriptor_suffix,
    status: succeeded ? 'succeeded' : 'failed',
    transfer_data: null,
    transfer_group: intent.transfer_group,
  };
  account.charges.set(charge.id, charge);
  return charge;
};

export const getCharge = (account: Account, id: string) => {
  const charge = account.charges.get(id);
  if (!charge) throw noSuchObject('charge', id, 'charge');
  return charge;
};

const RetrieveParams = z.strictObject({ expand });
const ListParams = z.strictObject({ ...listParamsShape, payment_intent: z.string().optional() });

export const chargeRoutes = [
  route('GET', '/v1/charges/:id', ({ params, pathParams }, account) => {
    const { expand: paths } = parseParams(RetrieveParams, params);
    return expandResponse(account, getCharge(account, pathParams.id ?? ''), paths);
  }),
  route('GET', '/v1/charges', ({ params }, account) => {
    const p = parseParams(ListParams, params);
    const charges = newestFirst(account.charges.values()).filter(
      (c) => !p.payment_intent || c.payment_intent === p.payment_intent,
    );
    return expandResponse(account, listPage(charges, '/v1/charges', p), p.expand);
  }),
];
