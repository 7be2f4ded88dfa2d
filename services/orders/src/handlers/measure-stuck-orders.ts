import { documentClient, logger, MetricUnit, metrics, tableName } from '@mytabs/lambda-kit';
import { scanOrderItems } from '../adapters/order-scan.ts';
import { countPaidNotFulfilled } from '../domain/stuck-order.ts';

/**
 * Every five minutes: how many orders are paid and not fulfilled after 15 minutes, as the metric
 * `OrdersPaidNotFulfilled` the stuck-orders alarm watches. Published when zero too, so the alarm
 * sees the scan ran (a missing point would be the function itself failing, which its own
 * errors alarm reports). The same scan and definition as `npm run ops -- orders stuck`.
 */
export const handler = async (): Promise<{ paidNotFulfilled: number }> => {
  const orders = await scanOrderItems(documentClient(), tableName());
  const paidNotFulfilled = countPaidNotFulfilled(orders, new Date());
  metrics.addMetric('OrdersPaidNotFulfilled', MetricUnit.Count, paidNotFulfilled);
  metrics.publishStoredMetrics();
  if (paidNotFulfilled > 0) logger.warn('Orders paid and not fulfilled', { paidNotFulfilled });
  return { paidNotFulfilled };
};
