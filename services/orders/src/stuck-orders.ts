/**
 * What orders lends the operator's CLI (`ops/`, not a service): the definition of a stuck order
 * and the scan that finds them, so the CLI and the scheduled measure behind the alarm agree; and
 * an order's history, where the CLI looks for the emails each order got.
 */
export { orderHistory } from './adapters/order-history.ts';
export { scanOrderItems } from './adapters/order-scan.ts';
export {
  STUCK_AFTER_MS,
  type StuckOrderItem,
  type StuckReason,
  stuckReason,
} from './domain/stuck-order.ts';
