import { PaymentSucceeded } from '@mytabs/contracts';
import { eventHandler, logger } from '@mytabs/lambda-kit';
import { payments } from '../adapters/payment-records.ts';
import { commitTaxTransaction } from '../adapters/stripe-tax.ts';
import { taxTransactions } from '../adapters/tax-transaction-records.ts';

/** After a payment, its tax calculation becomes a Stripe Tax transaction (reference = order id). */
export const handler = eventHandler([PaymentSucceeded], async ({ data }) => {
  if (await taxTransactions.find(data.orderId)) return;
  const payment = await payments.find(data.orderId);
  if (!payment) throw new Error(`No payment recorded for order ${data.orderId}`);
  const { transactionId } = await commitTaxTransaction(payment.taxCalculationId, data.orderId);
  await taxTransactions.record(data.orderId, transactionId);
  logger.info('Tax transaction committed', { orderId: data.orderId, transactionId });
});
