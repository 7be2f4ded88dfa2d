import * as z from 'zod';
import { CountryCode } from '../address.ts';
import { BusinessId, UserId } from '../ids.ts';
import { Money } from '../money.ts';
import { defineEvent } from './define-event.ts';

export const BusinessCreated = defineEvent({
  source: 'mytabs.identity',
  detailType: 'BusinessCreated',
  version: 1,
  description: 'An organizer created a business; its owner may now create events for it.',
  data: z.object({
    businessId: BusinessId,
    name: z.string().min(1).max(200),
    ownerUserId: UserId,
    country: CountryCode,
    /** The per-ticket service fee charged to buyers (may be zero), in the business's currency. */
    ticketFee: Money,
  }),
  examples: [
    {
      businessId: 'biz_01JD8X0A1B2C',
      name: 'Bright Lights Productions',
      ownerUserId: 'usr_01JD8W9Q2R3S',
      country: 'US',
      ticketFee: { amount: 100, currency: 'usd' },
    },
  ],
});
