import { apiClient, type RepoPlatform, startRepoPlatform } from '@mytabs/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizerOf, publishedEvent } from './actors.ts';

let local: RepoPlatform;
let dana: Awaited<ReturnType<typeof organizerOf>>;
let rival: Awaited<ReturnType<typeof organizerOf>>;

beforeAll(async () => {
  local = await startRepoPlatform({ seed: true });
  [dana, rival] = await Promise.all([
    organizerOf(local, 'dana@example.com', 'Dana Presents'),
    organizerOf(local, 'rival@example.com', 'Rival Shows'),
  ]);
}, 90_000);
afterAll(() => local?.close());

const send = (method: string, path: string, token: string | undefined, body?: unknown) =>
  fetch(`${local.endpoints.api}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

const problemOf = async (response: Response) =>
  (await response.json()) as { errors: { path: string; message: string }[] };

const listedIds = async () => {
  const { items } = await apiClient(local.endpoints.api).get<{ items: { eventId: string }[] }>(
    '/events?limit=100',
  );
  return items.map((e) => e.eventId);
};

describe('the public catalog', () => {
  it('lists the seeded event with its live availability', async () => {
    const { items } = await apiClient(local.endpoints.api).get<{
      items: { eventId: string; name: string; ticketTypes: { available: number }[] }[];
    }>('/events');
    const seeded = items.find((e) => e.eventId === local.seed?.event.eventId);
    expect(seeded).toMatchObject({ name: 'Winter Lights Concert', timeZone: 'America/New_York' });
    expect(seeded?.ticketTypes.map((t) => t.available)).toEqual([200, 100]);
  });

  it('answers 404 for an event that does not exist, 400 for an id that cannot be one', async () => {
    expect((await send('GET', '/events/ev_doesnotexist', undefined)).status).toBe(404);
    const bad = await send('GET', '/events/not-an-id', undefined);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    expect((await problemOf(bad)).errors).toEqual([
      { path: 'path.eventId', message: 'must be an id starting with ev_' },
    ]);
  });
});

describe('an organizer', () => {
  it('creates an event and its ticket types, and it shows once published', async () => {
    const { eventId, ticketTypeId } = await publishedEvent(dana, 30);
    const event = await apiClient(local.endpoints.api).get<{
      ticketTypes: { ticketTypeId: string; available: number; price: number }[];
    }>(`/events/${eventId}`);
    expect(event.ticketTypes).toEqual([
      { ticketTypeId, name: 'Seat', price: 2000, currency: 'usd', available: 30 },
    ]);
    expect(await listedIds()).toContain(eventId);
  });

  it('sees ticket types listed in the order they were created', async () => {
    const { eventId } = await publishedEvent(dana, 10);
    const names = ['Balcony', 'Standing', 'Box', 'Early bird', 'Student'];
    for (const name of names) {
      await dana.api.post(`/events/${eventId}/ticket-types`, {
        name,
        price: 1500,
        currency: 'usd',
        taxBehavior: 'exclusive',
        taxCode: 'txcd_50010001',
        capacity: 10,
        perOrderLimit: 2,
      });
    }
    const event = await apiClient(local.endpoints.api).get<{ ticketTypes: { name: string }[] }>(
      `/events/${eventId}`,
    );
    expect(event.ticketTypes.map((t) => t.name)).toEqual(['Seat', ...names]);
  });

  it('keeps a draft out of the public listing', async () => {
    const draft = await dana.api.post<{ eventId: string; status: string }>('/events', {
      businessId: dana.business.businessId,
      name: 'Not yet',
      startsAt: '2027-03-01T19:00:00Z',
      timeZone: 'Europe/Paris',
      currency: 'usd',
      venue: { name: 'Hall', line1: '1 rue A', city: 'Paris', postalCode: '75001', country: 'FR' },
    });
    expect(draft.status).toBe('draft');
    expect((await send('GET', `/events/${draft.eventId}`, undefined)).status).toBe(404);
    const early = await send('PATCH', `/events/${draft.eventId}`, dana.token, {
      status: 'published',
    });
    expect(early.status).toBe(409);
  });

  it("gets 404 on another business's event and business, and changes nothing", async () => {
    const { eventId } = await publishedEvent(dana, 5);
    const attempts = [
      await send('PATCH', `/events/${eventId}`, rival.token, { name: 'Hijacked' }),
      await send('POST', `/events/${eventId}/ticket-types`, rival.token, {
        name: 'Fake',
        price: 1,
        currency: 'usd',
        taxBehavior: 'exclusive',
        taxCode: 'txcd_50010001',
        capacity: 1,
        perOrderLimit: 1,
      }),
      await send('POST', '/events', rival.token, {
        businessId: dana.business.businessId,
        name: 'Under your name',
        startsAt: '2027-03-01T19:00:00Z',
        timeZone: 'Europe/Paris',
        currency: 'usd',
        venue: {
          name: 'Hall',
          line1: '1 rue A',
          city: 'Paris',
          postalCode: '75001',
          country: 'FR',
        },
      }),
      await send('GET', `/businesses/${dana.business.businessId}`, rival.token),
    ];
    expect(attempts.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    const event = await apiClient(local.endpoints.api).get<{
      name: string;
      ticketTypes: unknown[];
    }>(`/events/${eventId}`);
    expect(event).toMatchObject({ name: 'Small room' });
    expect(event.ticketTypes).toHaveLength(1);
  });

  it('gets 400 for an invalid change or listing, and the event stays as it was', async () => {
    const { eventId } = await publishedEvent(dana, 5);
    const change = await send('PATCH', `/events/${eventId}`, dana.token, {
      startsAt: 'tomorrow',
      status: 'archived',
    });
    expect(change.status).toBe(400);
    expect((await problemOf(change)).errors.map((e) => e.path).sort()).toEqual([
      'startsAt',
      'status',
    ]);
    const listing = await send('GET', '/events?limit=0&cursor=bm9wZQ', undefined);
    expect(listing.status).toBe(400);
    expect((await problemOf(listing)).errors.map((e) => e.path)).toEqual(['query.limit']);
    expect((await send('GET', '/events?cursor=bm9wZQ', undefined)).status).toBe(400);
    const event = await apiClient(local.endpoints.api).get<{ name: string }>(`/events/${eventId}`);
    expect(event.name).toBe('Small room');
  });

  it('must sign in: no token answers 401 problem+json', async () => {
    const response = await send('POST', '/events', undefined, {});
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('gets 400 naming every invalid field, and nothing is created', async () => {
    const before = await listedIds();
    const response = await send('POST', '/events', dana.token, {
      businessId: dana.business.businessId,
      name: '',
      startsAt: 'next friday',
      timeZone: 'Mars/Olympus',
      currency: 'USD',
      venue: { name: 'Hall', line1: '1 rue A', postalCode: '75001', country: 'FR' },
    });
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.errors.map((e) => e.path).sort()).toEqual([
      'currency',
      'name',
      'startsAt',
      'timeZone',
      'venue.city',
    ]);
    const badType = await send(
      'POST',
      `/events/${local.seed?.event.eventId}/ticket-types`,
      dana.token,
      {
        name: 'Free?',
        price: -5,
        currency: 'usd',
        taxBehavior: 'sometimes',
        taxCode: 'txcd_50010001',
        capacity: 0,
        perOrderLimit: 1,
      },
    );
    expect(badType.status).toBe(400);
    expect((await problemOf(badType)).errors.map((e) => e.path).sort()).toEqual([
      'capacity',
      'price',
      'taxBehavior',
    ]);
    expect(await listedIds()).toEqual(before);
  });
});
