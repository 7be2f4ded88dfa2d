import { ListEventsStartingInvocation, ScheduledEvent } from '@mytabs/contracts';
import { invoke, logger } from '@mytabs/lambda-kit';
import { sendToBuyer } from '../adapters/email-sending.ts';
import { eventBuyers } from '../adapters/event-buyers.ts';
import { eventReminderEmail } from '../domain/event-reminder-template.ts';
import { reminderWindow } from '../domain/reminder-window.ts';

/**
 * The reminder scan, on its rate rule: every buyer with valid tickets to an event still on that
 * starts within a day gets one reminder (the email's record answers a later scan).
 */
export const handler = async (event: unknown) => {
  const { time } = ScheduledEvent.parse(event);
  const window = reminderWindow(new Date(time));
  const counts = { sent: 0, alreadySent: 0, failed: 0 };
  let cursor: string | undefined;
  do {
    const page = await invoke(ListEventsStartingInvocation, {
      ...window,
      ...(cursor && { cursor }),
    });
    for (const starting of page.items) {
      for await (const order of eventBuyers(starting.eventId)) {
        const { status } = await sendToBuyer(
          { orderId: order.orderId, template: 'event-reminder', businessId: order.businessId },
          eventReminderEmail(order, starting),
        );
        counts[status === 'already-sent' ? 'alreadySent' : status] += 1;
      }
    }
    cursor = page.nextCursor;
  } while (cursor);
  logger.info('Reminder scan', { ...window, ...counts });
  return counts;
};
