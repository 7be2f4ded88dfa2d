import { DEMO_ORGANIZER, type RepoPlatform, startRepoPlatform } from '@mytabs/local';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buyDemoTickets } from './bought-order.ts';
import { calendar, inbox, scanQr } from './received-email.ts';

let local: RepoPlatform;
beforeAll(async () => {
  local = await startRepoPlatform({ seed: true });
}, 60_000);
afterAll(() => local?.close());

it('a bought order’s email names the event as ticketing has it, and each QR gets its ticket in at the door once', async () => {
  const { event, buyer, order } = await buyDemoTickets(local, 'door.test@example.com', 2);

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
  const organizer = await local.signIn(DEMO_ORGANIZER);
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
