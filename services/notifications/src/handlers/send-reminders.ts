import {
  IssueOrderTokenInvocation,
  ListEventsStartingInvocation,
  ScheduledEvent,
  type TicketedEvent,
} from '@mytabs/contracts';
import { invoke, logger } from '@mytabs/lambda-kit';
import { sendToBuyer } from '../adapters/email-sending.ts';
import { eventBuyers } from '../adapters/event-buyers.ts';
import { reminded } from '../adapters/reminded-events.ts';
import { ticketSiteUrl } from '../config.ts';
import { eventReminderEmail } from '../domain/event-reminder-template.ts';
import { orderLinkValidUntil } from '../domain/event-time.ts';
import { orderPageUrl } from '../domain/order-page-url.ts';
import { reminderWindow } from '../domain/reminder-window.ts';

interface Counts {
  events: number;
  sent: number;
  alreadySent: number;
  failed: number;
}

/** Every order's reminder of one event, each once; the event marked reminded only when all went. */
const remindBuyersOf = async (event: TicketedEvent, counts: Counts, now: Date) => {
  const events = reminded();
  if (await events.done(event.eventId)) return;
  for await (const order of eventBuyers(event.eventId)) {
    const { orderToken } = await invoke(IssueOrderTokenInvocation, {
      orderId: order.orderId,
      validUntil: orderLinkValidUntil(event),
    });
    const { status } = await sendToBuyer(
      { orderId: order.orderId, template: 'event-reminder', businessId: order.businessId },
      eventReminderEmail(order, event, orderPageUrl(ticketSiteUrl(), order.orderId, orderToken)),
    );
    counts[status === 'already-sent' ? 'alreadySent' : status] += 1;
  }
  await events.markDone(event.eventId, now);
  counts.events += 1;
};

/**
 * The reminder scan, on its rate rule: every buyer with valid tickets to an event still on that
 * starts within a day gets one reminder. An event whose reminders all went is marked, so later
 * scans pass it by with one read; the email's own record answers a scan that stopped half-way.
 */
export const handler = async (event: unknown) => {
  const now = new Date(ScheduledEvent.parse(event).time);
  const window = reminderWindow(now);
  const counts: Counts = { events: 0, sent: 0, alreadySent: 0, failed: 0 };
  let cursor: string | undefined;
  do {
    const page = await invoke(ListEventsStartingInvocation, {
      ...window,
      ...(cursor && { cursor }),
    });
    for (const starting of page.items) await remindBuyersOf(starting, counts, now);
    cursor = page.nextCursor;
  } while (cursor);
  logger.info('Reminder scan', { ...window, ...counts });
  return counts;
};
