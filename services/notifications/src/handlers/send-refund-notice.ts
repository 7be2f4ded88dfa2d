import { GetOrderBuyerInvocation, OrderRefunded } from '@mytabs/contracts';
import { eventHandler, invoke, logger } from '@mytabs/lambda-kit';
import { sendToBuyer } from '../adapters/email-sending.ts';
import { orderRefundedEmail } from '../domain/order-refunded-template.ts';
import { announcesRefund } from '../domain/refund-notice.ts';

/** OrderRefunded: the buyer gets one email per refund, unless a cancellation's email covers it. */
export const handler = eventHandler([OrderRefunded], async ({ data }) => {
  if (!announcesRefund(data)) {
    logger.info('Refund announced by the cancellation email', { orderId: data.orderId });
    return;
  }
  const { order } = await invoke(GetOrderBuyerInvocation, { orderId: data.orderId });
  if (!order) throw new Error(`orders does not know ${data.orderId}, refunded as ${data.refundId}`);
  await sendToBuyer(
    {
      orderId: order.orderId,
      template: 'order-refunded',
      fact: data.refundId,
      businessId: order.businessId,
    },
    orderRefundedEmail({ order, refund: data }),
  );
});
