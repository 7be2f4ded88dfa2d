export { type CliIo, runOps } from './cli.ts';
export { type StuckOrder, type StuckReason, stuckOrders, stuckReason } from './stuck-orders.ts';
