import type { OrderSnapshot, OrderTicket, TicketedEvent } from '@mytabs/contracts';
import type * as z from 'zod';
import type { DownloadLinks } from './download-links.ts';
import type { AttachmentSpec, CalendarEntry, TicketsPdf } from './email-message.ts';
import { DEFAULT_EVENT_MINUTES, eventWhen, venueLines } from './event-time.ts';

export interface ConfirmationContent {
  order: OrderSnapshot;
  tickets: readonly z.output<typeof OrderTicket>[];
  event: TicketedEvent;
  /** The buyer's order page, the order token in it: no account needed to see the order. */
  orderUrl: string;
  /** Signed links to the PDF, each ticket's wallet pass and calendar entry, and Google Wallet. */
  links?: DownloadLinks;
}

export const TICKET_TERMS =
  'Each ticket admits one person once: its code is checked at the door and refused a second time. ' +
  'Keep it private; whoever shows it first gets in. Refunds follow the organizer’s policy.';

/** The Content-ID of a ticket's QR image (SES allows 78 characters; a ticket id is 44). */
export const qrContentId = (ticketId: string) => `qr-${ticketId}`;

/** "1 ticket", "3 tickets". */
export const ticketCount = (n: number) => `${n} ticket${n === 1 ? '' : 's'}`;

export const ticketTypeName = (order: OrderSnapshot, ticketTypeId: string) =>
  order.lines.find((l) => l.ticketTypeId === ticketTypeId)?.name ?? 'Ticket';

/** The order's tickets as one PDF, a page each: attached to the confirmation, and downloadable. */
export const ticketsPdfSpec = ({
  order,
  tickets,
  event,
}: Pick<ConfirmationContent, 'order' | 'tickets' | 'event'>): TicketsPdf => ({
  kind: 'tickets-pdf',
  fileName: `tickets-${order.orderId}.pdf`,
  title: `${event.name}: tickets of order ${order.orderId}`,
  pages: tickets.map((t) => ({
    eventName: event.name,
    details: [eventWhen(event), ...venueLines(event)],
    ticketType: ticketTypeName(order, t.ticketTypeId),
    attendee: t.attendee.name,
    ticketId: t.ticketId,
    qr: t.qr,
    terms: TICKET_TERMS,
  })),
});

/**
 * The confirmation's files: each ticket's QR image (inline, named by its Content-ID), one PDF with
 * a page per ticket, and the event as a calendar entry (3 hours long when it names no end).
 */
export const confirmationFiles = ({
  order,
  tickets,
  event,
  orderUrl,
}: ConfirmationContent): AttachmentSpec[] => [
  ...tickets.map(
    (t): AttachmentSpec => ({
      kind: 'qr-png',
      fileName: `${t.ticketId}.png`,
      contentId: qrContentId(t.ticketId),
      text: t.qr,
    }),
  ),
  ticketsPdfSpec({ order, tickets, event }),
  calendarEntry(event, {
    fileName: 'event.ics',
    uid: `${order.orderId}@keeptabs.app`,
    description: `${ticketCount(tickets.length)}, order ${order.orderId}. Your order: ${orderUrl}`,
    url: orderUrl,
  }),
];

/** The event as a calendar entry (3 hours long when it names no end). */
export const calendarEntry = (
  event: TicketedEvent,
  entry: { fileName: string; uid: string; description: string; url?: string },
): CalendarEntry => ({
  kind: 'calendar',
  ...entry,
  title: event.name,
  startsAt: event.startsAt,
  ...(event.endsAt ? { endsAt: event.endsAt } : { durationMinutes: DEFAULT_EVENT_MINUTES }),
  timeZone: event.timeZone,
  location: venueLines(event).join(', '),
});
