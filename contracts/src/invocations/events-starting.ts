import * as z from 'zod';
import { BusinessId } from '../ids.ts';
import { UtcDateTime } from '../time.ts';
import { defineInvocation } from './define-invocation.ts';
import { TicketedEvent } from './ticketed-event.ts';

/**
 * `ticketing.listEventsStarting`: the published events (never a draft or a canceled one) that
 * start after `from` and no later than `to`, soonest first, as their tickets describe them.
 */
export const ListEventsStartingInvocation = defineInvocation({
  ref: 'ticketing.listEventsStarting',
  request: z.object({
    from: UtcDateTime,
    to: UtcDateTime,
    cursor: z.string().min(1).optional(),
  }),
  response: z.object({
    items: z.array(TicketedEvent.extend({ businessId: BusinessId })),
    nextCursor: z.string().min(1).optional(),
  }),
});
