import * as z from 'zod';
import { BusinessId } from '../ids.ts';
import { TicketedEvent } from '../invocations/ticketed-event.ts';
import { UtcDateTime } from '../time.ts';
import { defineEvent } from './define-event.ts';

export const EventCanceled = defineEvent({
  source: 'mytabs.ticketing',
  detailType: 'EventCanceled',
  version: 1,
  description:
    'An organizer canceled an event: sales stopped, and every order is to be refunded or ' +
    'canceled and every paid buyer told why (orders runs the EventCancellation workflow).',
  data: z.object({
    event: TicketedEvent,
    businessId: BusinessId,
    reason: z.string().min(1).max(1000),
    /** The member who canceled it (their user id). */
    canceledBy: z.string().min(1),
    canceledAt: UtcDateTime,
  }),
  examples: [
    {
      event: {
        eventId: 'ev_01JD8Y3M7T2P',
        name: 'Winter Lights Concert',
        startsAt: '2026-12-19T01:00:00Z',
        timeZone: 'America/New_York',
        venue: {
          name: 'Harbor Hall',
          line1: '100 Pier Ave',
          city: 'Brooklyn',
          state: 'NY',
          postalCode: '11201',
          country: 'US',
        },
      },
      businessId: 'biz_01JD8X0A1B2C',
      reason: 'The headliner is ill.',
      canceledBy: 'usr_4f1c2b9a0000',
      canceledAt: '2026-12-10T15:00:00Z',
    },
  ],
});
