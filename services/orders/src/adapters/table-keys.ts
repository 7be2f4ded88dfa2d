/**
 * The orders table's single-table layout: everything about one order lives in its partition.
 * The order item carries `businessId` (the `byBusiness` index lists a business's orders); the
 * effect records beside it do not, so they stay out of that index.
 */
export const orderKey = (orderId: string) => ({ pk: `ORDER#${orderId}`, sk: 'ORDER' });

/** A fact from the bus this order has taken in (its event's idempotency key): never expires. */
export const consumedKey = (orderId: string, idempotencyKey: string) => ({
  pk: `ORDER#${orderId}`,
  sk: `CONSUMED#${idempotencyKey}`,
});

/** An event orders has put on the bus about this order (by idempotency key): never expires. */
export const publishedKey = (orderId: string, idempotencyKey: string) => ({
  pk: `ORDER#${orderId}`,
  sk: `PUBLISHED#${idempotencyKey}`,
});
