import {
  type CreatePaymentIntentRequest,
  type CreatePaymentIntentResponse,
  MinorUnits,
  type OrderId,
  type UserId,
} from '@mytabs/contracts';
import type { CheckoutPorts } from './checkout-ports.ts';
import { CartRefused, QuoteRefused } from './checkout-refusals.ts';
import { acceptQuote } from './quote-acceptance.ts';
import { quoteCart } from './quote-cart.ts';

/**
 * The checkout for one order id, every step safe to repeat with the same id: the quote is
 * recomputed; the PaymentIntent (idempotency key = order id) and its record come before the hold,
 * so a hold never exists without a PaymentIntent that the HoldExpired consumer can cancel; then
 * the hold, then the order. A refused hold cancels the unused PaymentIntent and holds nothing.
 * A retry reuses the order's recorded PaymentIntent and amounts, whatever prices did since.
 */
export const placeOrder = async (
  orderId: OrderId,
  request: CreatePaymentIntentRequest,
  buyerUserId: UserId | undefined,
  ports: CheckoutPorts,
): Promise<CreatePaymentIntentResponse> => {
  // A retry of a checkout that got as far as its PaymentIntent goes on from there: quoting again
  // would count the buyer's own held seats as gone and refuse them their own order.
  const payment =
    (await ports.payments.find(orderId)) ?? (await startPayment(orderId, request, ports));

  const hold = await ports.holdSeats({
    orderId,
    eventId: request.eventId,
    items: request.items,
  });
  if (!hold.ok) {
    await ports.abandonPaymentIntent(payment.paymentIntentId);
    throw new CartRefused(hold.refusal, true);
  }

  const order = await ports.createOrder({
    orderId,
    eventId: hold.cart.eventId,
    businessId: hold.cart.businessId,
    buyer: request.buyer,
    ...(buyerUserId && { buyerUserId }),
    attendees: request.attendees ?? [],
    lines: hold.cart.lines.map((line) => ({
      ticketTypeId: line.ticketTypeId,
      name: line.name,
      quantity: line.quantity,
      unitPrice: line.unitAmount,
      amount: line.amount,
    })),
    subtotal: payment.subtotal,
    fees: payment.fees,
    tax: payment.tax,
    amount: payment.amount,
    currency: payment.currency,
    paymentIntentId: payment.paymentIntentId,
    taxCalculationId: payment.taxCalculationId,
    holdExpiresAt: hold.holdExpiresAt,
  });
  return {
    orderId,
    paymentIntentId: payment.paymentIntentId,
    clientSecret: await ports.clientSecretOf(payment.paymentIntentId),
    orderToken: order.orderToken,
    amount: MinorUnits.parse(payment.amount),
    currency: payment.currency,
    holdExpiresAt: hold.holdExpiresAt,
  };
};

/** The quote recomputed from the cart (a stale or foreign quote refused), its PaymentIntent and record. */
const startPayment = async (
  orderId: OrderId,
  request: CreatePaymentIntentRequest,
  ports: CheckoutPorts,
) => {
  const { cart, quote, fingerprint } = await quoteCart(request, ports);
  if (request.taxCalculationId) {
    const verdict = acceptQuote(
      await ports.taxCalculations.find(request.taxCalculationId),
      { cartFingerprint: fingerprint, total: quote.total, currency: quote.currency },
      ports.nowS(),
    );
    if (!verdict.ok) throw new QuoteRefused(verdict);
  }
  const intent = await ports.createPaymentIntent(orderId, quote.total, quote.currency);
  return ports.payments.save({
    orderId,
    paymentIntentId: intent.id,
    amount: intent.amount,
    currency: intent.currency,
    subtotal: quote.subtotal,
    fees: quote.fees,
    tax: quote.tax,
    taxCalculationId: quote.taxCalculationId,
    businessId: cart.businessId,
    eventId: cart.eventId,
  });
};
