/** What one buyer ended with, as the bench saw it through the API. */
export interface BoughtOrder {
  orderId: string;
  status: string;
  /** Seats asked for, by ticket type. */
  quantities: Record<string, number>;
  tickets: { ticketId: string; ticketTypeId: string }[];
}

export interface SentEmail {
  to: string;
  subject: string;
  body: string;
}

export interface IntegrityReport {
  /** Tickets issued beyond a ticket type's capacity, summed over ticket types. */
  oversoldSeats: number;
  /** Ticket ids issued more than once, plus tickets beyond what an order asked for. */
  duplicateTickets: number;
  /** Emails beyond one per order and kind (same subject). */
  duplicateEmails: number;
  /** Fulfilled orders with no confirmation email at all. */
  missingEmails: number;
}

const ORDER_ID = /ord_[A-Za-z0-9_]+/;

/**
 * The numbers a ticketing system must keep at zero whatever the load: seats sold beyond
 * capacity, tickets issued twice, the same email sent twice, a fulfilled order never told.
 */
export const checkIntegrity = (
  capacities: Readonly<Record<string, number>>,
  orders: readonly BoughtOrder[],
  emails: readonly SentEmail[],
): IntegrityReport => {
  const issuedByType = new Map<string, number>();
  const seen = new Set<string>();
  let duplicateTickets = 0;
  for (const order of orders) {
    for (const ticket of order.tickets) {
      if (seen.has(ticket.ticketId)) duplicateTickets += 1;
      seen.add(ticket.ticketId);
      issuedByType.set(ticket.ticketTypeId, (issuedByType.get(ticket.ticketTypeId) ?? 0) + 1);
    }
    const asked = Object.values(order.quantities).reduce((a, b) => a + b, 0);
    duplicateTickets += Math.max(0, order.tickets.length - asked);
  }
  let oversoldSeats = 0;
  for (const [ticketTypeId, issued] of issuedByType) {
    oversoldSeats += Math.max(0, issued - (capacities[ticketTypeId] ?? 0));
  }

  // One email per (order, kind of email): the same subject twice for one order is a duplicate.
  const sends = new Map<string, number>();
  const emailed = new Set<string>();
  for (const email of emails) {
    const orderId = ORDER_ID.exec(`${email.subject} ${email.body}`)?.[0];
    if (!orderId) continue;
    emailed.add(orderId);
    const key = `${orderId} ${email.subject}`;
    sends.set(key, (sends.get(key) ?? 0) + 1);
  }
  const duplicateEmails = [...sends.values()].reduce((sum, n) => sum + n - 1, 0);
  const missingEmails = orders.filter(
    (o) => o.status === 'FULFILLED' && !emailed.has(o.orderId),
  ).length;
  return { oversoldSeats, duplicateTickets, duplicateEmails, missingEmails };
};
