import * as z from 'zod';
import { OrderId, TaxCalculationId } from '../ids.ts';
import { UtcDateTime } from '../time.ts';
import { defineInvocation } from './define-invocation.ts';
import { PlacedOrder } from './placed-order.ts';

/**
 * `orders.createOrder`, for payments' checkout: the Order in PENDING_PAYMENT, once per order id
 * (a repeat answers the same order and token), and the buyer's order token.
 */
export const CreateOrderInvocation = defineInvocation({
  ref: 'orders.createOrder',
  request: PlacedOrder.extend({
    taxCalculationId: TaxCalculationId.optional(),
    holdExpiresAt: UtcDateTime,
  }),
  response: z.object({ orderId: OrderId, orderToken: z.string().min(1), created: z.boolean() }),
});
