import type { OrderTicket, TicketedEvent } from '@mytabs/contracts';
import type * as z from 'zod';
import { TICKET_TERMS } from './confirmation-files.ts';
import { eventEnd, eventWhen, venueLines } from './event-time.ts';

export interface WalletTicket {
  ticket: z.output<typeof OrderTicket>;
  ticketType: string;
  event: TicketedEvent;
}

/**
 * An Apple Wallet event ticket's `pass.json` without the certificate's ids (the signer adds
 * them): the event's name, when and where, the ticket's type and attendee, and the very code the
 * door scans as its QR barcode. The serial number is the ticket id, so a reissued ticket's new
 * pass replaces the old one in the wallet.
 */
export const passJson = ({ ticket, ticketType, event }: WalletTicket) => ({
  formatVersion: 1,
  serialNumber: ticket.ticketId,
  organizationName: 'MyTabs',
  description: `Ticket for ${event.name}`,
  relevantDate: event.startsAt,
  expirationDate: new Date(eventEnd(event).getTime() + 86_400_000).toISOString(),
  barcodes: [
    {
      format: 'PKBarcodeFormatQR',
      message: ticket.qr,
      messageEncoding: 'iso-8859-1',
      altText: ticket.ticketId,
    },
  ],
  eventTicket: {
    primaryFields: [{ key: 'event', label: 'EVENT', value: event.name }],
    secondaryFields: [{ key: 'when', label: 'WHEN', value: eventWhen(event) }],
    auxiliaryFields: [
      { key: 'type', label: 'TICKET', value: ticketType },
      { key: 'attendee', label: 'ATTENDEE', value: ticket.attendee.name },
    ],
    backFields: [
      { key: 'where', label: 'WHERE', value: venueLines(event).join('\n') },
      { key: 'ticket', label: 'TICKET ID', value: ticket.ticketId },
      { key: 'terms', label: 'TERMS', value: TICKET_TERMS },
    ],
  },
});

/**
 * The "Save to Google Wallet" JWT's claims for an order (Google's `savetowallet` token): one
 * event ticket class per event and one object per ticket, each object carrying the same code as
 * its QR barcode. Ids are `<issuerId>.<our id>`, as the Wallet API requires.
 */
export const googleWalletClaims = (
  issuer: { issuerId: string; serviceAccountEmail: string },
  tickets: readonly WalletTicket[],
  origins: readonly string[],
) => {
  const [first] = tickets;
  if (!first) throw new Error('An order without tickets has nothing to save');
  const { event } = first;
  const classId = `${issuer.issuerId}.${event.eventId}`;
  const text = (value: string) => ({ defaultValue: { language: 'en-US', value } });
  return {
    iss: issuer.serviceAccountEmail,
    aud: 'google',
    typ: 'savetowallet',
    origins: [...origins],
    payload: {
      eventTicketClasses: [
        {
          id: classId,
          issuerName: 'MyTabs',
          reviewStatus: 'UNDER_REVIEW',
          eventName: text(event.name),
          venue: { name: text(event.venue.name), address: text(venueLines(event).join(', ')) },
          dateTime: { start: event.startsAt, end: eventEnd(event).toISOString() },
        },
      ],
      eventTicketObjects: tickets.map(({ ticket, ticketType }) => ({
        id: `${issuer.issuerId}.${ticket.ticketId}`,
        classId,
        state: 'ACTIVE',
        ticketHolderName: ticket.attendee.name,
        ticketType: text(ticketType),
        ticketNumber: ticket.ticketId,
        barcode: { type: 'QR_CODE', value: ticket.qr, alternateText: ticket.ticketId },
      })),
    },
  };
};
