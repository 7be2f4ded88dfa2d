import { EventChanged } from '@mytabs/contracts';
import { eventHandler } from '@mytabs/lambda-kit';
import { sendToBuyer } from '../adapters/email-sending.ts';
import { eventBuyers } from '../adapters/event-buyers.ts';
import { eventChangedEmail } from '../domain/event-changed-template.ts';

/**
 * EventChanged: each order's buyer hears of the change once (per order, since the buyer is the
 * one address every order has; see the README), whatever the redeliveries and replays.
 */
export const handler = eventHandler([EventChanged], async ({ data }) => {
  for await (const order of eventBuyers(data.eventId)) {
    await sendToBuyer(
      {
        orderId: order.orderId,
        template: 'event-changed',
        fact: data.changeId,
        businessId: order.businessId,
      },
      eventChangedEmail({
        order,
        eventName: data.name,
        changed: data.changed,
        before: data.before,
        after: data.after,
      }),
    );
  }
});
