import type Stripe from 'stripe';
import * as z from 'zod';
import type { Account } from './account.ts';
import { getCharge } from './charges.ts';
import { invalidRequest, noSuchObject } from './errors.ts';
import { expandResponse } from './expand.ts';
import { expand, parseParams } from './params.ts';
import { route } from './router.ts';
import { stripeId } from './stripe-ids.ts';

const DAY_S = 86_400;

/** Evidence fields of a new dispute: nothing submitted yet. */
const EVIDENCE_FIELDS = [
  'access_activity_log',
  'billing_address',
  'cancellation_policy',
  'cancellation_policy_disclosure',
  'cancellation_rebuttal',
  'customer_communication',
  'customer_email_address',
  'customer_name',
  'customer_purchase_ip',
  'customer_signature',
  'duplicate_charge_documentation',
  'duplicate_charge_explanation',
  'duplicate_charge_id',
  'product_description',
  'receipt',
  'refund_policy',
  'refund_policy_disclosure',
  'refund_refusal_explanation',
  'service_date',
  'service_documentation',
  'shipping_address',
  'shipping_carrier',
  'shipping_date',
  'shipping_documentation',
  'shipping_tracking_number',
  'uncategorized_file',
  'uncategorized_text',
];

/**
 * Opens a dispute on a succeeded charge, as a cardholder's bank would: a `dp_` Dispute in
 * `needs_response` and the `charge.dispute.created` event (no API request caused it).
 */
export const openDispute = (
  account: Account,
  chargeId: string,
  reason: string = 'fraudulent',
): Stripe.Dispute => {
  const charge = getCharge(account, chargeId);
  if (charge.status !== 'succeeded') {
    throw invalidRequest(`Charge ${charge.id} did not succeed, so it cannot be disputed.`);
  }
  if (charge.disputed) throw invalidRequest(`Charge ${charge.id} is already disputed.`);
  const created = account.now();
  const dispute: Stripe.Dispute = {
    id: stripeId('dp'),
    object: 'dispute',
    amount: charge.amount - charge.amount_refunded,
    balance_transactions: [],
    charge: charge.id,
    created,
    currency: charge.currency,
    enhanced_eligibility_types: [],
    evidence: {
      ...Object.fromEntries(EVIDENCE_FIELDS.map((field) => [field, null])),
      enhanced_evidence: {},
    } as Stripe.Dispute.Evidence,
    evidence_details: {
      due_by: created + 7 * DAY_S,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
      submission_method: 'not_submitted',
    },
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: charge.payment_intent,
    reason,
    status: 'needs_response',
  };
  account.disputes.set(dispute.id, dispute);
  charge.disputed = true;
  account.emit('charge.dispute.created', dispute, null);
  return dispute;
};

const RetrieveParams = z.strictObject({ expand });

export const disputeRoutes = [
  route('GET', '/v1/disputes/:id', ({ params, pathParams }, account) => {
    const p = parseParams(RetrieveParams, params);
    const dispute = account.disputes.get(pathParams.id ?? '');
    if (!dispute) throw noSuchObject('dispute', pathParams.id ?? '', 'dispute');
    return expandResponse(account, dispute, p.expand);
  }),
];
