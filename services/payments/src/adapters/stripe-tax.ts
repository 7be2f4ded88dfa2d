import type { BuyerAddress } from '@mytabs/contracts';
import Stripe from 'stripe';
import { AddressNotTaxable } from '../domain/checkout-refusals.ts';
import type { TaxedLine, TaxLineRequest } from '../domain/quote.ts';
import { stripeClient } from './stripe-client.ts';

/**
 * A Stripe Tax calculation of the lines for the buyer's billing address; an address Stripe refuses
 * (e.g. a US address without a state it can find) is AddressNotTaxable.
 */
export const calculateTax = async (
  currency: string,
  lines: readonly TaxLineRequest[],
  address: BuyerAddress,
) => {
  const stripe = await stripeClient();
  try {
    const calculation = await stripe.tax.calculations.create({
      currency,
      line_items: lines.map((line) => ({
        amount: line.amount,
        quantity: line.quantity,
        reference: line.reference,
        tax_code: line.taxCode,
        tax_behavior: line.taxBehavior,
        ...(line.performanceLocation && { performance_location: line.performanceLocation }),
      })),
      customer_details: {
        address: {
          country: address.country,
          postal_code: address.postalCode,
          ...(address.state && { state: address.state }),
          ...(address.city && { city: address.city }),
          ...(address.line1 && { line1: address.line1 }),
        },
        address_source: 'billing',
      },
      expand: ['line_items'],
    });
    const taxed: TaxedLine[] = (calculation.line_items?.data ?? []).map((line) => ({
      reference: line.reference,
      amount: line.amount,
      amountTax: line.amount_tax,
    }));
    if (!calculation.id) throw new Error('Stripe answered a tax calculation without an id');
    return { id: calculation.id, expiresAt: calculation.expires_at ?? 0, taxed };
  } catch (error) {
    if (
      error instanceof Stripe.errors.StripeInvalidRequestError &&
      error.param?.startsWith('customer_details[address]')
    ) {
      throw new AddressNotTaxable(error.message);
    }
    throw error;
  }
};

/**
 * Commits the calculation as the order's tax transaction. The reference is the order id and
 * Stripe refuses a second transaction with it: that refusal means it is already committed
 * (answered without an id, which Stripe's message is not a stable place to read from).
 */
export const commitTaxTransaction = async (calculationId: string, orderId: string) => {
  const stripe = await stripeClient();
  try {
    const transaction = await stripe.tax.transactions.createFromCalculation(
      { calculation: calculationId, reference: orderId },
      { idempotencyKey: `taxtx:${orderId}` },
    );
    return { transactionId: transaction.id };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.param === 'reference') {
      return {};
    }
    throw error;
  }
};

/**
 * Reverses, from the order's tax transaction, what one refund gave back (tax included), so the
 * tax reported to authorities follows the money. The reference is the refund's and Stripe refuses
 * a second reversal with it; the idempotency key makes a retry answer the first one.
 */
export const reverseTaxForRefund = async (
  transactionId: string,
  refundId: string,
  refundedAmount: number,
) => {
  const stripe = await stripeClient();
  const reversal = await stripe.tax.transactions.createReversal(
    {
      mode: 'partial',
      original_transaction: transactionId,
      reference: `refund:${refundId}`,
      flat_amount: -refundedAmount,
    },
    { idempotencyKey: `taxrev:${refundId}` },
  );
  return reversal.id;
};
