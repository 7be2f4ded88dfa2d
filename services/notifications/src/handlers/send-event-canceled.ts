import { SendEventCanceledInvocation } from '@mytabs/contracts';
import { invocationHandler, logger } from '@mytabs/lambda-kit';
import { announceSent, emailSending } from '../adapters/email-sending.ts';
import { eventCanceledEmail } from '../domain/event-canceled-template.ts';
import { sendOnce } from '../domain/send-once.ts';

const TEMPLATE = 'event-canceled';

/** `notifications.sendEventCanceled`: the cancellation and its refund, once per order. */
export const handler = invocationHandler(
  SendEventCanceledInvocation,
  async ({ order, event, reason, refund }) => {
    const message = eventCanceledEmail(order, event, reason, refund);
    const result = await sendOnce(
      { orderId: order.orderId, template: TEMPLATE, businessId: order.businessId },
      message,
      emailSending(),
    );
    logger.info('Event canceled email', { orderId: order.orderId, ...result });
    await announceSent(result, { orderId: order.orderId, template: TEMPLATE, to: message.to });
    return result.status === 'failed'
      ? { status: 'failed' as const, failure: result.failure }
      : { status: result.status, messageId: result.messageId };
  },
);
