import { type CatalogRefusal, HttpProblem } from '@mytabs/contracts';

const status = (refusal: CatalogRefusal) => (refusal.code === 'event-not-found' ? 404 : 409);
const extra = (refusal: CatalogRefusal) => ({
  code: refusal.code,
  ...(refusal.ticketTypeId && { ticketTypeId: refusal.ticketTypeId }),
});

/** A refused cart as the buyer sees it: an unknown event is 404, anything else a 409 conflict. */
export const refusalProblem = (refusal: CatalogRefusal) =>
  new HttpProblem(status(refusal), refusal.message, extra(refusal));

/** Ticketing refused the hold after the PaymentIntent was made (a race for the last seats). */
export class HoldRefused extends HttpProblem {
  constructor(refusal: CatalogRefusal) {
    super(status(refusal), refusal.message, extra(refusal));
  }
}
