import type { RepoPlatform } from '../testing/repo-platform.ts';
import type { FuzzWorld } from './fuzz-request.ts';

/** The same token with its claims changed and its signature kept: what a forger sends. */
const forged = (token: string) => {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString('utf8'));
  const changed = { ...claims, 'cognito:groups': ['organizer', 'admin'], email: 'x@evil.example' };
  return `${header}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`;
};

/**
 * Who calls and what they name: anonymous and broken callers, a forger, a buyer holding another
 * order's token, a stranger, the organizer and door staff of the seeded business, with the ids
 * of the seeded event, business and one unpaid order.
 */
export const fuzzWorld = async (local: RepoPlatform): Promise<FuzzWorld> => {
  const seed = local.seed;
  if (!seed) throw new Error('The fuzzer needs a seeded platform');
  const [organizer, staff, stranger] = await Promise.all([
    local.signIn(seed.organizer),
    local.signIn(seed.staff),
    local.signIn({
      email: 'fuzz-stranger@example.com',
      password: 'Fuzz-stranger-2026!',
      name: 'Stranger',
    }),
  ]);
  const ticketType = seed.event.ticketTypes[0];
  const checkout = await fetch(`${local.endpoints.api}/payments/createPaymentIntent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      eventId: seed.event.eventId,
      items: [{ ticketTypeId: ticketType?.ticketTypeId, quantity: 1 }],
      address: { country: 'US', postalCode: '10036', state: 'NY' },
      buyer: { email: 'fuzz-buyer@example.com', name: 'Fuzz Buyer' },
    }),
  });
  if (checkout.status !== 201) throw new Error(`The fuzzer's checkout answered ${checkout.status}`);
  const order = (await checkout.json()) as { orderId: string; orderToken: string };
  const me = await fetch(`${local.endpoints.api}/users/me`, {
    headers: { authorization: `Bearer ${organizer}` },
  });
  const { userId } = (await me.json()) as { userId: string };
  return {
    ids: {
      eventId: [seed.event.eventId],
      businessId: [seed.business.businessId],
      orderId: [order.orderId],
      userId: [userId],
      invitationId: ['inv_0000000000000000'],
    },
    callers: [
      { name: 'anonymous', weight: 2 },
      { name: 'garbage', authorization: 'Bearer x', weight: 1 },
      { name: 'basic', authorization: 'Basic Zm9vOmJhcg==', weight: 1 },
      { name: 'forged', authorization: `Bearer ${forged(organizer)}`, weight: 1 },
      { name: 'stranger', authorization: `Bearer ${stranger}`, weight: 3 },
      { name: 'organizer', authorization: `Bearer ${organizer}`, weight: 6 },
      { name: 'staff', authorization: `Bearer ${staff}`, weight: 3 },
      { name: 'orderToken', authorization: `Bearer ${order.orderToken}`, weight: 3 },
    ],
  };
};
