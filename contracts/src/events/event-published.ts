import * as z from 'zod';
import { Venue } from '../address.ts';
import { BusinessId, EventId, TaxLocationId, TicketTypeId } from '../ids.ts';
import { Currency, MinorUnits } from '../money.ts';
import { TimeZone, UtcDateTime } from '../time.ts';
import { defineEvent } from './define-event.ts';

export const EventPublished = defineEvent({
  source: 'mytabs.ticketing',
  detailType: 'EventPublished',
  version: 1,
  description: 'An event went on sale: it is listed publicly with its ticket types.',
  data: z.object({
    eventId: EventId,
    businessId: BusinessId,
    name: z.string().min(1).max(200),
    startsAt: UtcDateTime,
    endsAt: UtcDateTime.optional(),
    timeZone: TimeZone,
    venue: Venue,
    taxLocationId: TaxLocationId,
    ticketTypes: z
      .array(
        z.object({
          ticketTypeId: TicketTypeId,
          name: z.string().min(1).max(100),
          price: MinorUnits,
          currency: Currency,
          capacity: z.number().int().min(1),
        }),
      )
      .min(1),
  }),
  examples: [
    {
      eventId: 'ev_01JD8Y3M7T2P',
      businessId: 'biz_01JD8X0A1B2C',
      name: 'Winter Lights Concert',
      startsAt: '2026-12-19T01:00:00Z',
      endsAt: '2026-12-19T04:00:00Z',
      timeZone: 'America/New_York',
      venue: {
        name: 'Harbor Hall',
        line1: '100 Pier Ave',
        city: 'Brooklyn',
        state: 'NY',
        postalCode: '11201',
        country: 'US',
      },
      taxLocationId: 'taxloc_1QaBcD2eZvKYlo2C',
      ticketTypes: [
        {
          ticketTypeId: 'tt_01JD8Y4GA',
          name: 'General admission',
          price: 2500,
          currency: 'usd',
          capacity: 400,
        },
      ],
    },
  ],
});
