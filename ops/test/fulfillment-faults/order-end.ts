import { type RepoPlatform, type Shopper, seatsLeft, stripeFor } from '@mytabs/local';

interface SentEmail {
  destination: { to: string[] };
  subject: string;
}

/** One order bought through the API and paid with the Stripe SDK, with what identifies it. */
export interface Bought {
  orderId: string;
  orderToken: string;
  paymentIntentId: string;
  email: string;
  eventId: string;
  ticketTypeId: string;
  capacity: number;
}

/**
 * What a buyer and the organizer can see of an order once its workflow ended: its status and
 * tickets (GET /orders/{id}), the emails it got (the local SES inbox), its charges and refunds
 * (the Stripe emulator, through the SDK) and the seats left of its ticket type (GET /events/{id}).
 */
export const orderEnd = async (local: RepoPlatform, buyer: Shopper, bought: Bought) => {
  const stripe = stripeFor(local);
  const [order, inbox, charges, refunds, seats] = await Promise.all([
    buyer.order(bought.orderId, bought.orderToken),
    fetch(`${local.endpoints.ses}/store`).then((r) => r.json() as Promise<{ emails: SentEmail[] }>),
    stripe.charges.list({ payment_intent: bought.paymentIntentId, limit: 100 }),
    stripe.refunds.list({ payment_intent: bought.paymentIntentId, limit: 100 }),
    seatsLeft(local, bought.eventId, bought.ticketTypeId),
  ]);
  const mine = inbox.emails.filter((e) => e.destination.to.includes(bought.email));
  return {
    status: order.status,
    tickets: new Set(order.tickets.map((t) => t.ticketId)).size,
    sent: {
      confirmation: mine.filter((e) => e.subject.startsWith('Your tickets')).length,
      apology: mine.filter((e) => e.subject.includes('could not be completed')).length,
    },
    charges: charges.data.length,
    /** Refunded in full by exactly one refund, or not at all. */
    refunded:
      refunds.data.length === 1 && refunds.data[0]?.amount === order.amount
        ? true
        : refunds.data.length === 0
          ? false
          : `refunds: ${refunds.data.map((r) => r.amount).join(', ')} of ${order.amount}`,
    seatsTaken: bought.capacity - (seats ?? 0),
  };
};
export type OrderEnd = Awaited<ReturnType<typeof orderEnd>>;
