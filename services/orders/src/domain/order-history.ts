import {
  CheckedIn,
  EmailSent,
  MinorUnits,
  OrderRefunded,
  RefundId,
  TicketId,
  UtcDateTime,
} from '@mytabs/contracts';
import * as z from 'zod';

/** What the organizer's view of an order shows beside the order's own record. */
export const HistoryEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('refund'), refundId: RefundId, amount: MinorUnits, at: UtcDateTime }),
  z.object({ kind: z.literal('check-in'), ticketId: TicketId, at: UtcDateTime }),
  z.object({
    kind: z.literal('email'),
    template: z.string(),
    to: z.email(),
    messageId: z.string(),
    at: UtcDateTime,
  }),
]);
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** The facts the view is kept from, as `keepOrderHistory` subscribes to them. */
export const HISTORY_FACTS = [OrderRefunded, CheckedIn, EmailSent] as const;

/** One fact as an entry of its order's history, with its own id (one entry per fact). */
export const historyEntryOf = (
  detailType: string,
  data: Record<string, unknown>,
  at: string,
): { entryId: string; entry: HistoryEntry } => {
  switch (detailType) {
    case OrderRefunded.detailType: {
      const { refundId, amount } = OrderRefunded.data.parse(data);
      return { entryId: `refund#${refundId}`, entry: { kind: 'refund', refundId, amount, at } };
    }
    case CheckedIn.detailType: {
      const { ticketId } = CheckedIn.data.parse(data);
      return { entryId: `check-in#${ticketId}`, entry: { kind: 'check-in', ticketId, at } };
    }
    case EmailSent.detailType: {
      const { template, to, messageId } = EmailSent.data.parse(data);
      return {
        entryId: `email#${messageId}`,
        entry: { kind: 'email', template, to, messageId, at },
      };
    }
    default:
      throw new Error(`${detailType} is not part of an order's history`);
  }
};
