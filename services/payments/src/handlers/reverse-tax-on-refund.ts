import { PaymentRefunded } from '@mytabs/contracts';
import { eventHandler, logger } from '@mytabs/lambda-kit';
import { reverseTaxForRefund } from '../adapters/stripe-tax.ts';
import { taxReversals, taxTransactions } from '../adapters/tax-transaction-records.ts';

class TaxNotCommittedYet extends Error {
  override name = 'TaxNotCommittedYet';
}

/**
 * Each refund reverses its share of the order's Stripe Tax transaction. A refund that overtakes
 * the tax commit (the workflow refunding a failed order right after payment) waits for it: the
 * error makes Lambda retry later.
 */
export const handler = eventHandler([PaymentRefunded], async ({ data }) => {
  if (await taxReversals.find(data.refundId)) return;
  const committed = await taxTransactions.find(data.orderId);
  if (!committed) throw new TaxNotCommittedYet(`Order ${data.orderId} has no tax transaction yet`);
  if (!committed.transactionId) {
    logger.warn('Tax transaction id unknown: reverse it by hand', { orderId: data.orderId });
    return;
  }
  const reversalId = await reverseTaxForRefund(committed.transactionId, data.refundId, data.amount);
  await taxReversals.record(data.refundId, reversalId);
  logger.info('Tax reversed for a refund', { orderId: data.orderId, refundId: data.refundId });
});
