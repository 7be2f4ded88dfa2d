import { SendApologyStep } from '@mytabs/contracts';
import { invocationHandler, logger } from '@mytabs/lambda-kit';
import { announceSent, emailSending } from '../adapters/email-sending.ts';
import { orderFailedEmail } from '../domain/order-failed-template.ts';
import { sendOnce } from '../domain/send-once.ts';

const TEMPLATE = 'order-failed';

/** `notifications.sendOrderFailed`: the apology and the refund, once per failed order. */
export const handler = invocationHandler(SendApologyStep, async ({ order, refund }) => {
  const message = orderFailedEmail(order, refund);
  const result = await sendOnce(
    { orderId: order.orderId, template: TEMPLATE, businessId: order.businessId },
    message,
    emailSending(),
  );
  logger.info('Order failed email', { orderId: order.orderId, ...result });
  await announceSent(result, { orderId: order.orderId, template: TEMPLATE, to: message.to });
  return result.status === 'failed'
    ? { status: 'failed' as const, failure: result.failure }
    : { status: result.status, messageId: result.messageId };
});
