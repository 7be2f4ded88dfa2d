import type * as z from 'zod';
import { PublicEvent } from '../api/events.ts';

/**
 * What a ticket says of its event: its name, when (UTC, shown in its time zone) and where. The
 * fulfillment's IssueTickets answers it and SendConfirmation prints it, so notifications never
 * reads ticketing's events.
 */
export const TicketedEvent = PublicEvent.pick({
  eventId: true,
  name: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  venue: true,
});
export type TicketedEvent = z.infer<typeof TicketedEvent>;
