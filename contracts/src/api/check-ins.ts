import * as z from 'zod';
import { EventId, TicketId, TicketTypeId } from '../ids.ts';
import { Attendee } from '../people.ts';
import { UtcDateTime } from '../time.ts';

/** What the door's scanner read from the ticket's QR code. */
export const CheckInRequest = z.object({ qr: z.string().min(1) }).meta({ id: 'CheckInRequest' });
export type CheckInRequest = z.infer<typeof CheckInRequest>;

export const CheckInResponse = z
  .object({
    ticketId: TicketId,
    ticketTypeId: TicketTypeId,
    eventId: EventId,
    attendee: Attendee,
    checkedInAt: UtcDateTime,
  })
  .meta({ id: 'CheckInResponse' });
export type CheckInResponse = z.infer<typeof CheckInResponse>;
