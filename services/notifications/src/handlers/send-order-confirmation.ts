import { SendConfirmationStep } from '@mytabs/contracts';
import { documentClient, invocationHandler, logger, tableName } from '@mytabs/lambda-kit';
import { confirmationMessage } from '../adapters/confirmation-message.ts';
import { announceSent, emailSending } from '../adapters/email-sending.ts';
import { orderTicketsRepository } from '../adapters/order-tickets-repository.ts';
import { sendOnce } from '../domain/send-once.ts';

const TEMPLATE = 'order-confirmation';

/**
 * `notifications.sendOrderConfirmation`: the buyer's tickets by email, once per order. The
 * tickets are kept first, for the downloads and the re-sends the email links to.
 */
export const handler = invocationHandler(
  SendConfirmationStep,
  async ({ order, tickets, event }) => {
    const kept = orderTicketsRepository(documentClient(), tableName());
    await kept.keep({ order, tickets, event, generations: {} });
    // A retried step sends what is kept: a ticket reissued meanwhile carries its new code.
    const message = await confirmationMessage(
      (await kept.find(order.orderId)) ?? { order, tickets, event },
    );
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
