import * as z from 'zod';
import { OrderId, TicketId, TicketTypeId } from '../ids.ts';
import { UtcDateTime } from '../time.ts';

export const ListAttendeesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: z.string().min(1).optional(),
});

export const AttendeeEntry = z
  .object({
    ticketId: TicketId,
    ticketTypeId: TicketTypeId,
    orderId: OrderId,
    name: z.string().min(1),
    email: z.email(),
    checkedIn: z.boolean(),
    checkedInAt: UtcDateTime.optional(),
  })
  .meta({ id: 'AttendeeEntry' });
export type AttendeeEntry = z.infer<typeof AttendeeEntry>;

export const ListAttendeesResponse = z
  .object({ items: z.array(AttendeeEntry), nextCursor: z.string().min(1).optional() })
  .meta({ id: 'ListAttendeesResponse' });
export type ListAttendeesResponse = z.infer<typeof ListAttendeesResponse>;

/** `Accept: text/csv`: a header line, then one line per attendee, every page at once. */
export const ATTENDEES_CSV_COLUMNS = [
  'ticketId',
  'ticketTypeId',
  'orderId',
  'name',
  'email',
  'checkedIn',
  'checkedInAt',
] as const satisfies readonly (keyof AttendeeEntry)[];

export const AttendeesCsv = z
  .string()
  .meta({ description: `CSV with the header ${ATTENDEES_CSV_COLUMNS.join(',')}` });
