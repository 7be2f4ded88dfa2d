import { ReadCancellationPageStep } from '@mytabs/contracts';
import { invocationHandler } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { CANCELLATION_PAGE_SIZE } from '../domain/event-cancellation.ts';

/**
 * `orders.readCancellationPage`: the next page of the event's orders for EventCancellation's Map,
 * only their ids, so the execution's state stays small whatever the orders hold.
 */
export const handler = invocationHandler(
  ReadCancellationPageStep,
  async ({ eventId, cursor, done }) => {
    const page = await repositories().eventOrders.list(
      eventId,
      {},
      CANCELLATION_PAGE_SIZE,
      cursor ?? undefined,
    );
    return {
      orderIds: page.items.map((o) => o.orderId),
      cursor: page.next ?? null,
      doneAfter: done + page.items.length,
      last: page.next === undefined,
    };
  },
);
