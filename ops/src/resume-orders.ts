import { randomUUID } from 'node:crypto';
import { PaymentSucceeded } from '@mytabs/contracts';
import { invokeWith } from './invoke.ts';
import type { StuckOrder } from './stuck-orders.ts';
import type { Target } from './target.ts';

export interface ResumeOutcome {
  resumed: string[];
  failed: { orderId: string; error: string }[];
}

/**
 * A stuck order resumed by the path that owns its next step: its PaymentSucceeded, as payments
 * published it (same idempotency key), given to `orders.startFulfillment`, which starts the
 * order's one execution or redrives it if it failed. Nothing is written to any table here.
 */
export const resumeOrders = async (
  target: Target,
  orders: StuckOrder[],
  {
    dryRun,
    onProgress = () => {},
  }: { dryRun: boolean; onProgress?: (done: number, of: number) => void },
): Promise<ResumeOutcome> => {
  const starter = target.plan.functions.find((f) => f.ref === 'orders.startFulfillment');
  if (!starter) throw new Error(`stage ${target.stage} has no orders.startFulfillment`);
  const outcome: ResumeOutcome = { resumed: [], failed: [] };
  for (const [i, order] of orders.entries()) {
    if (dryRun) {
      outcome.resumed.push(order.orderId);
    } else {
      const { detail } = PaymentSucceeded.build(
        {
          orderId: order.orderId,
          paymentIntentId: order.paymentIntentId,
          amount: order.amount,
          currency: order.currency,
        },
        {
          idempotencyKey: `PaymentSucceeded:${order.paymentIntentId}`,
          correlationId: order.orderId,
        },
      );
      const error = await invokeWith(target, starter.name, {
        version: '0',
        id: randomUUID(),
        'detail-type': PaymentSucceeded.detailType,
        source: PaymentSucceeded.source,
        time: new Date().toISOString(),
        resources: [],
        detail,
      });
      if (error) outcome.failed.push({ orderId: order.orderId, error });
      else outcome.resumed.push(order.orderId);
    }
    onProgress(i + 1, orders.length);
  }
  return outcome;
};
