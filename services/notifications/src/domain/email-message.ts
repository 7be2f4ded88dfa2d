/**
 * A file an email carries, said as what it shows rather than as bytes: the mailer renders it
 * when it sends, so the send record stays small (a PDF of many tickets would outgrow DynamoDB's
 * 400 KB item) and a re-send carries the same files.
 */
export type AttachmentSpec = QrImage | TicketsPdf | CalendarEntry;

/** A ticket's QR code as a PNG, shown in the HTML where it says `cid:<contentId>`. */
export interface QrImage {
  kind: 'qr-png';
  fileName: string;
  contentId: string;
  /** What the code holds: exactly what the door's scanner checks. */
  text: string;
}

/** One PDF with a page per ticket. */
export interface TicketsPdf {
  kind: 'tickets-pdf';
  fileName: string;
  title: string;
  pages: TicketPage[];
}

export interface TicketPage {
  eventName: string;
  /** When and where, as the buyer reads them (local time in the event's time zone). */
  details: string[];
  ticketType: string;
  attendee: string;
  ticketId: string;
  qr: string;
  terms: string;
}

/** An `.ics` calendar event: from `startsAt` (UTC) to `endsAt`, or for `durationMinutes`. */
export type CalendarEntry = {
  kind: 'calendar';
  fileName: string;
  uid: string;
  title: string;
  startsAt: string;
  timeZone: string;
  location: string;
  description: string;
  /** The order's page, in the confirmation's entry; a downloaded ticket's has none. */
  url?: string;
} & ({ endsAt: string } | { durationMinutes: number });

/** One rendered email: both parts, so every mail client shows something sensible, and its files. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: AttachmentSpec[];
}

/**
 * The templates, by the kebab-case name EmailSent and the send records carry. A confirmation sent
 * again on request (`order-confirmation-resend`, its turn as the fact) and a reissued ticket
 * (`ticket-reissued`, the ticket and its generation as the fact) are emails of their own.
 */
export type TemplateName =
  | 'order-confirmation'
  | 'order-failed'
  | 'order-refunded'
  | 'event-changed'
  | 'event-reminder'
  | 'event-canceled'
  | 'order-confirmation-resend'
  | 'ticket-reissued';

/**
 * Which email: one per order and template, and per `fact` for a template an order can get more
 * than once (a refund's id, an event change's id).
 */
export interface EmailKey {
  orderId: string;
  template: TemplateName;
  fact?: string;
}
