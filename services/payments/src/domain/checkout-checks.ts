import type { CartItem } from '@mytabs/contracts';

export interface FieldProblem {
  path: string;
  message: string;
}

/** One attendee per seat at most: the seats without one are the buyer's. */
export const attendeesProblem = (
  items: readonly CartItem[],
  attendees: readonly unknown[] | undefined,
): FieldProblem | undefined => {
  const seats = items.reduce((sum, item) => sum + item.quantity, 0);
  return attendees && attendees.length > seats
    ? { path: 'attendees', message: `must name at most ${seats} attendees (one per seat)` }
    : undefined;
};

/** No business offers promotions, so every code is unknown: refused rather than ignored. */
export const promoCodeProblem = (promoCode: string | undefined): FieldProblem | undefined =>
  promoCode === undefined ? undefined : { path: 'promoCode', message: 'is not a known code' };
