import { type RepoPlatform, startRepoPlatform } from '@mytabs/local';
import { afterAll, beforeAll, expect, it } from 'vitest';

let local: RepoPlatform;
let token: string;

beforeAll(async () => {
  local = await startRepoPlatform();
  token = await local.signIn({
    email: 'grace@example.com',
    password: 'Hopper-1906!',
    name: 'Grace',
    groups: ['organizer'],
  });
}, 90_000);
afterAll(() => local?.close());

const call = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${local.endpoints.api}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

it('refuses a business with invalid fields, naming each, and creates nothing', async () => {
  const refused = await call('POST', '/businesses', {
    name: 'Grace Live',
    country: 'usa',
    currency: 'USD',
    ticketFee: -1,
  });
  expect(refused.status).toBe(400);
  expect((refused.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
    'country',
    'currency',
    'ticketFee',
  ]);
  expect((await call('GET', '/users/me')).body.businesses).toEqual([]);
});

it('makes the creator the owner of a new business, at once', async () => {
  const created = await call('POST', '/businesses', {
    name: 'Grace Live',
    country: 'US',
    currency: 'usd',
    ticketFee: 125,
  });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({
    name: 'Grace Live',
    ticketFee: { amount: 125, currency: 'usd' },
  });
  const businessId = created.body.businessId as string;
  expect((await call('GET', '/users/me')).body.businesses).toEqual([{ businessId, role: 'owner' }]);
  expect((await call('GET', `/businesses/${businessId}`)).status).toBe(200);
});

it('updates the profile, refusing a malformed phone number', async () => {
  expect((await call('PATCH', '/users/me', { phone: '555-0100' })).status).toBe(400);
  const updated = await call('PATCH', '/users/me', {
    name: 'Grace B. Hopper',
    phone: '+14155550123',
  });
  expect(updated).toMatchObject({
    status: 200,
    body: { name: 'Grace B. Hopper', phone: '+14155550123' },
  });
});
