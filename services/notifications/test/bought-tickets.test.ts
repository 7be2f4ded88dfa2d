import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import {
  DEMO_ORGANIZER,
  type RepoPlatform,
  repoRoot,
  shopper,
  signInLocalUser,
  startRepoPlatform,
  watchOrder,
} from '@mytabs/local';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { calendar, inbox, scanQr } from './received-email.ts';

let local: RepoPlatform;
beforeAll(async () => {
  local = await startRepoPlatform({ seed: true });
}, 60_000);
afterAll(() => local?.close());

it('a bought order’s email names the event as ticketing has it, and each QR gets its ticket in at the door once', async () => {
  const event = local.seed?.event;
  const ticketType = event?.ticketTypes[0];
  if (!event || !ticketType) throw new Error('the demo seed has no event');
  const buyer = shopper(local.endpoints);
  const cart = {
    eventId: event.eventId,
    items: [{ ticketTypeId: ticketType.ticketTypeId, quantity: 2 }],
    address: { country: 'US', postalCode: '10001', state: 'NY' },
  };
  const quote = await buyer.quote(cart);
  const placed = await buyer.createPaymentIntent(
    { ...cart, taxCalculationId: quote.taxCalculationId },
    { email: 'door.test@example.com', name: 'Door Test' },
  );
  await buyer.pay(placed.paymentIntentId);
  // The platform is cold: the fulfillment wakes a chain of functions for the first time.
  const order = await watchOrder(buyer, placed.orderId, placed.orderToken, { timeoutMs: 60_000 });
  expect(order.status).toBe('FULFILLED');

  const [email] = await inbox(local.endpoints.ses, 'door.test@example.com');
  expect(email?.subject).toBe(`Your tickets for ${event.name}`);
  // The seed's event starts at 01:00 UTC: the evening before in New York.
  const localStart = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/New_York',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  }).format(new Date(event.startsAt));
  expect(email?.body.text).toContain(localStart);
  expect(email?.body.text).toContain('(America/New_York)');
  expect(email?.body.text).toContain(event.venue.line1);
  // The link to the order opens it, as the site would with the token it carries.
  const link = new URL(/Your order: (\S+)/.exec(email?.body.text ?? '')?.[1] ?? 'https://x');
  expect(link.pathname).toBe(`/orders/${order.orderId}`);
  expect((await buyer.order(order.orderId, link.searchParams.get('token') ?? '')).status).toBe(
    'FULFILLED',
  );
  const ics = email?.attachments.find((f) => f.filename === 'event.ics');
  expect(calendar(ics?.content ?? '').events[0]?.start.toISOString()).toBe(
    new Date(event.startsAt).toISOString(),
  );

  const codes = (email?.attachments ?? [])
    .filter((f) => f.contentType === 'image/png')
    .map((f) => scanQr(f.content));
  expect(codes).toHaveLength(2);
  const organizer = await signInLocalUser(
    local.endpoints.edge,
    await loadManifests(repoRoot),
    DEMO_ORGANIZER,
  );
  const scan = (qr: string | undefined) =>
    fetch(`${local.endpoints.api}/events/${event.eventId}/check-ins`, {
      method: 'POST',
      headers: { authorization: `Bearer ${organizer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ qr }),
    });
  for (const qr of codes) {
    const admitted = await scan(qr);
    expect(admitted.status).toBe(201);
    expect(order.tickets.map((t) => t.ticketId)).toContain(
      ((await admitted.json()) as { ticketId: string }).ticketId,
    );
    expect((await scan(qr)).status).toBe(409);
  }
}, 90_000);
