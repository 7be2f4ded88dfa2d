import { createHash } from 'node:crypto';
import type { BuyerAddress, CartItem } from '@mytabs/contracts';

/** JSON with keys sorted at every level, so equal values always hash alike. */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

/** A stable digest of any JSON value (a request body, for Idempotency-Key reuse checks). */
export const fingerprint = (value: unknown) =>
  createHash('sha256').update(canonical(value)).digest('hex');

/**
 * What a tax calculation was made for: the event, the seats (in any order) and the buyer's
 * address. A quote is only good for the same cart delivered to the same address.
 */
export const cartFingerprint = (cart: {
  eventId: string;
  items: readonly CartItem[];
  address: BuyerAddress;
}) =>
  fingerprint({
    eventId: cart.eventId,
    items: [...cart.items].sort((a, b) => (a.ticketTypeId < b.ticketTypeId ? -1 : 1)),
    address: cart.address,
  });
