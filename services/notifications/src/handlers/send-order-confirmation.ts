import { IssueOrderTokenInvocation, SendConfirmationStep } from '@mytabs/contracts';
import { invocationHandler, invoke, logger } from '@mytabs/lambda-kit';
import { announceSent, emailSending } from '../adapters/email-sending.ts';
import { ticketSiteUrl } from '../config.ts';
import { orderLinkValidUntil } from '../domain/event-time.ts';
import { orderConfirmationEmail } from '../domain/order-confirmation-template.ts';
import { orderPageUrl } from '../domain/order-page-url.ts';
import { sendOnce } from '../domain/send-once.ts';

const TEMPLATE = 'order-confirmation';

/** `notifications.sendOrderConfirmation`: the buyer's tickets by email, once per order. */
export const handler = invocationHandler(
  SendConfirmationStep,
  async ({ order, tickets, event }) => {
    const { orderToken } = await invoke(IssueOrderTokenInvocation, {
      orderId: order.orderId,
      validUntil: orderLinkValidUntil(event),
    });
    const message = orderConfirmationEmail({
      order,
      tickets,
      event,
      orderUrl: orderPageUrl(ticketSiteUrl(), order.orderId, orderToken),
    });
    const result = await sendOnce(
      { orderId: order.orderId, template: TEMPLATE, businessId: order.businessId },
      message,
      emailSending(),
    );
    logger.info('Order confirmation', { orderId: order.orderId, ...result });
    await announceSent(result, { orderId: order.orderId, template: TEMPLATE, to: message.to });
    return result.status === 'failed'
      ? { status: 'failed' as const, failure: result.failure }
      : { status: result.status, messageId: result.messageId };
  },
);
