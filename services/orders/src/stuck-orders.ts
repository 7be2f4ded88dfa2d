/**
 * What orders lends the operator's CLI (`ops/`, not a service): the definition of a stuck order
 * and the scan that finds them, so the CLI and the scheduled measure behind the alarm agree; an
 * order's history, where the CLI looks for the emails each order got; and the name of an order's
 * fulfillment execution, whose history keeps each step's input.
 */
export { orderHistory } from './adapters/order-history.ts';
export { scanOrderItems } from './adapters/order-scan.ts';
export { executionArnOf } from './domain/fulfillment-start.ts';
export {
  STUCK_AFTER_MS,
  type StuckOrderItem,
  type StuckReason,
  stuckReason,
} from './domain/stuck-order.ts';
