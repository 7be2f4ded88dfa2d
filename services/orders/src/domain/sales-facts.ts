import {
  CheckedIn,
  EventPublished,
  HoldReleased,
  OrderFulfilled,
  OrderRefunded,
  SeatsHeld,
  TicketsIssued,
  TicketsVoided,
} from '@mytabs/contracts';
import type { Order } from './order.ts';
import { OrderNotFound } from './ports.ts';
import * as change from './sales-change.ts';

/** The facts that move an event's figures, as `keepSales` subscribes to them. */
export const SALES_FACTS = [
  EventPublished,
  SeatsHeld,
  HoldReleased,
  OrderFulfilled,
  TicketsIssued,
  OrderRefunded,
  TicketsVoided,
  CheckedIn,
] as const;

type Fact = { detailType: string; data: Record<string, unknown> };

/**
 * One fact's change to its event's figures; the order it names is read for its lines, fees, tax
 * and tickets (they never change once placed or issued).
 */
export const salesChangeOf = async (
  { detailType, data }: Fact,
  findOrder: (orderId: string) => Promise<Order | undefined>,
): Promise<change.SalesChange> => {
  const order = async () => {
    const found = await findOrder(data.orderId as string);
    if (!found) throw new OrderNotFound(data.orderId as string);
    return found;
  };
  switch (detailType) {
    case EventPublished.detailType:
      return change.eventPublished(EventPublished.data.parse(data).ticketTypes);
    case SeatsHeld.detailType:
      return change.seatsHeld(SeatsHeld.data.parse(data).items);
    case HoldReleased.detailType:
      return change.holdReleased(HoldReleased.data.parse(data).items);
    case TicketsIssued.detailType:
      return change.ticketsIssued(TicketsIssued.data.parse(data).tickets);
    case OrderFulfilled.detailType:
      return change.orderFulfilled(await order());
    case OrderRefunded.detailType:
      return change.orderRefunded(await order(), OrderRefunded.data.parse(data).amount);
    case TicketsVoided.detailType:
      return change.ticketsVoided(await order(), TicketsVoided.data.parse(data).ticketIds);
    case CheckedIn.detailType:
      return change.checkedIn(CheckedIn.data.parse(data).ticketTypeId);
    default:
      throw new Error(`${detailType} does not move sales figures`);
  }
};
