import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../src/domain/event-record.ts';
import { scheduleChange } from '../../src/domain/schedule-change.ts';

const published = {
  eventId: 'ev_jazznight',
  businessId: 'biz_bluenote',
  name: 'Jazz night',
  status: 'published',
  startsAt: '2026-12-31T20:00:00Z',
  timeZone: 'America/New_York',
  venue: {
    name: 'Blue Note',
    line1: '131 W 3rd St',
    city: 'New York',
    state: 'NY',
    postalCode: '10012',
    country: 'US',
  },
  currency: 'usd',
  taxLocationId: 'taxloc_venue1',
  createdAt: '2026-11-01T00:00:00Z',
  serviceFeePerTicket: 150,
} as EventRecord;

describe('a change of an event’s schedule', () => {
  it('names what moved, with the schedule before and after', () => {
    const after = { ...published, startsAt: '2027-01-01T20:00:00Z', name: 'Jazz night II' };
    expect(scheduleChange(published, after)).toEqual({
      changed: ['startsAt'],
      before: {
        startsAt: '2026-12-31T20:00:00Z',
        timeZone: 'America/New_York',
        venue: published.venue,
      },
      after: {
        startsAt: '2027-01-01T20:00:00Z',
        timeZone: 'America/New_York',
        venue: published.venue,
      },
    });
  });

  it('is none when the same values come again, spelled differently or in another key order', () => {
    const { name, ...rest } = published.venue;
    const again = {
      ...published,
      startsAt: '2026-12-31T20:00:00.000Z',
      venue: { ...rest, name },
      description: 'New words',
    };
    expect(scheduleChange(published, again)).toBeUndefined();
  });

  it('is none for a draft: nobody holds its tickets', () => {
    const draft = { ...published, status: 'draft' } as EventRecord;
    expect(scheduleChange(draft, { ...draft, venue: { ...draft.venue, name: 'Elsewhere' } })).toBe(
      undefined,
    );
  });

  it('notices an end added and a venue moved', () => {
    const after = {
      ...published,
      endsAt: '2026-12-31T23:00:00Z',
      venue: { ...published.venue, line1: '1 Other St' },
    };
    expect(scheduleChange(published, after)?.changed).toEqual(['endsAt', 'venue']);
  });
});
