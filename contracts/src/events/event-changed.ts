import * as z from 'zod';
import { EventSchedule } from '../event-schedule.ts';
import { BusinessId, EventId } from '../ids.ts';
import { defineEvent } from './define-event.ts';

export const EventChanged = defineEvent({
  source: 'mytabs.ticketing',
  detailType: 'EventChanged',
  version: 1,
  description:
    "A published event's date, time or venue changed: what changed, and the schedule before and after.",
  data: z.object({
    eventId: EventId,
    businessId: BusinessId,
    name: z.string().min(1).max(200),
    /** One per change (the request that made it): ticket holders hear of each change once. */
    changeId: z.string().min(1).max(200),
    changed: z.array(z.enum(['startsAt', 'endsAt', 'timeZone', 'venue'])).min(1),
    before: EventSchedule,
    after: EventSchedule,
  }),
  examples: [
    {
      eventId: 'ev_01JD8Y3M7T2P',
      businessId: 'biz_01JD8X0A1B2C',
      name: 'Winter Lights Concert',
      changeId: 'c2b1e0a4-5d1f-4b7e-9a43-2f6f0d3c9b11',
      changed: ['venue'],
      before: {
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
      after: {
        startsAt: '2026-12-19T01:00:00Z',
        timeZone: 'America/New_York',
        venue: {
          name: 'Pier 6 Pavilion',
          line1: '6 Furman St',
          city: 'Brooklyn',
          state: 'NY',
          postalCode: '11201',
          country: 'US',
        },
      },
    },
  ],
});
