import type { ListEventOrdersQuery, OrderStatus } from '@mytabs/contracts';

/** What an organizer's list of an event's orders keeps, as the stored orders compare it. */
export interface EventOrdersFilter {
  status?: OrderStatus;
  buyerEmail?: string;
  /** Both bounds included, as DynamoDB's key conditions take them. */
  createdFrom?: string;
  createdTo?: string;
}

const ONE_MS = 1;

/** An instant shifted by milliseconds, as orders store `createdAt` (`toISOString`). */
const shifted = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();

/**
 * Orders store `createdAt` with `toISOString` (always milliseconds), and the index compares
 * strings, where `…T08:00:00Z` sorts after `…T08:00:00.500Z`: the bounds are written the same way.
 * Strictly after an instant is from the next millisecond, the resolution of `createdAt`.
 * Addresses in lower case, as the order item keeps its buyer's for this filter.
 */
export const eventOrdersFilter = (query: ListEventOrdersQuery): EventOrdersFilter => ({
  ...(query.status && { status: query.status }),
  ...(query.buyerEmail && { buyerEmail: query.buyerEmail.toLowerCase() }),
  ...(query.createdAfter && { createdFrom: shifted(query.createdAfter, ONE_MS) }),
  ...(query.createdBefore && { createdTo: shifted(query.createdBefore, -ONE_MS) }),
});
