/** What decides whether seats of an event may be sold at a given moment. */
export interface SaleWindow {
  status: 'draft' | 'published' | 'CANCELED';
  startsAt: string;
  salesStartAt?: string;
  salesEndAt?: string;
}

export type SaleState =
  | 'not-published'
  | 'canceled'
  | 'not-yet-on-sale'
  | 'sales-ended'
  | 'on-sale';

/** Sales end when the organizer says, or when the event starts if they said nothing. */
export const saleState = (event: SaleWindow, now: Date): SaleState => {
  if (event.status === 'CANCELED') return 'canceled';
  if (event.status !== 'published') return 'not-published';
  if (event.salesStartAt && now < new Date(event.salesStartAt)) return 'not-yet-on-sale';
  if (now >= new Date(event.salesEndAt ?? event.startsAt)) return 'sales-ended';
  return 'on-sale';
};
