/**
 * The orders table's single-table layout: everything about one order lives in its partition.
 * The order item carries `businessId` (the `byBusiness` index lists a business's orders) and
 * `eventId` with `createdAt` (the `byEvent` index lists an event's orders by time placed); the
 * effect records beside it carry none of them, so they stay out of both indexes.
 */
export const orderKey = (orderId: string) => ({ pk: `ORDER#${orderId}`, sk: 'ORDER' });

/** A fact from the bus this order has taken in (its event's idempotency key): never expires. */
export const consumedKey = (orderId: string, idempotencyKey: string) => ({
  pk: `ORDER#${orderId}`,
  sk: `CONSUMED#${idempotencyKey}`,
});

export const BY_EVENT_INDEX = 'byEvent';

/**
 * Which business an event belongs to and its currency, from its EventPublished, so an event's
 * orders and figures are shown to its organizers even before it sold anything. Its attribute is
 * `eventBusinessId`, not `businessId`, to keep it out of the `byBusiness` index of orders; it has
 * no `createdAt`, so it stays out of `byEvent` too.
 */
export const eventBusinessKey = (eventId: string) => ({ pk: `EVENT#${eventId}`, sk: 'BUSINESS' });

/** One fact's change to an event's figures (by its idempotency key), summed when read. */
export const salesFactKey = (eventId: string, idempotencyKey: string) => ({
  pk: `SALES#${eventId}`,
  sk: `FACT#${idempotencyKey}`,
});

/** What another service reported about this order (a refund, a check-in, an email), once each. */
export const historyKey = (orderId: string, entryId: string) => ({
  pk: `ORDER#${orderId}`,
  sk: `HISTORY#${entryId}`,
});
