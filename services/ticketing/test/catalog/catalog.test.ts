import { type RepoPlatform, startRepoPlatform } from '@mytabs/local';
import { afterAll, beforeAll, expect, it } from 'vitest';

let local: RepoPlatform;
beforeAll(async () => {
  local = await startRepoPlatform({ seed: true });
}, 60_000);
afterAll(() => local?.close());

it('lists the published event with its live availability', async () => {
  const response = await fetch(`${local.endpoints.api}/events`);
  expect(response.status).toBe(200);
  const { items } = await response.json();
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({
    eventId: local.seed?.event.eventId,
    name: 'Winter Lights Concert',
    timeZone: 'America/New_York',
  });
});
