/**
 * Whether a refund gets an email of its own: not one an event cancellation made, which the
 * cancellation email announces with the rest (one email to a buyer about one fact).
 */
export const announcesRefund = (refund: { cause?: 'event-canceled' }) =>
  refund.cause !== 'event-canceled';
