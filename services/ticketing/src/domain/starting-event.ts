import type { EventRecord } from './event-record.ts';
import { toTicketedEvent } from './public-event.ts';

/**
 * An event about to start, as its ticket holders' reminders describe it; undefined unless it is
 * still on (published): a canceled event's holders were told it is off and get no reminder.
 */
export const startingEvent = (event: EventRecord) =>
  event.status === 'published'
    ? { ...toTicketedEvent(event), businessId: event.businessId }
    : undefined;
