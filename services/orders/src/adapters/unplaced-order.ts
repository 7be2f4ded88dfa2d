import { logger } from '@mytabs/lambda-kit';
import { OrderNotFound } from '../domain/ports.ts';

/**
 * A payment fact about an order that was never placed: a checkout that failed after creating its
 * PaymentIntent but before createOrder (the PaymentIntent is then canceled, or declined). There
 * is no order to change, so the event is done with, rather than retried into a dead letter.
 */
export const unlessUnplaced = async (orderId: string, change: () => Promise<unknown>) => {
  try {
    await change();
  } catch (error) {
    if (!(error instanceof OrderNotFound)) throw error;
    logger.info('Payment fact for an order never placed: nothing to change', { orderId });
  }
};
