import {
  archivedEvents,
  DEMO_ORGANIZER,
  DEMO_STAFF,
  eventually,
  type RepoPlatform,
  startRepoPlatform,
} from '@mytabs/local';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Answer,
  adminMadeUser,
  api,
  fulfilledOrder,
  inbox,
  knownUser,
  signUp,
} from './team-actors.ts';

let local: RepoPlatform;
let owner: ReturnType<typeof api>;
let businessId: string;
let eventId: string;
let order: { orderId: string; qr: string };
let seen = 0;

beforeAll(async () => {
  local = await startRepoPlatform({ seed: true });
  owner = api(local, await local.signIn(DEMO_ORGANIZER));
  businessId = local.seed?.business.businessId as string;
  eventId = local.seed?.event.eventId as string;
  order = await fulfilledOrder(local);
});
afterAll(() => local?.close());
afterEach((context) => {
  if (context.task.result?.state === 'fail') console.log(local.lines.slice(seen).join('\n'));
  seen = local.lines.length;
});

const membersOf = (id: string) => `/businesses/${id}/members`;

/** A known user added to the demo business in a role: the member as the API answers it. */
const addMember = async (email: string, role: 'owner' | 'manager' | 'staff') => {
  const user = await knownUser(local, email);
  const added = await owner('POST', membersOf(businessId), { email, role });
  expect(added.status).toBe(201);
  return user;
};

/** Every business-scoped route, as a caller outside the business would try it. */
const everyRouteOfTheBusiness = () => [
  ['GET', `/businesses/${businessId}`],
  ['GET', `/businesses/${businessId}/events`],
  ['GET', membersOf(businessId)],
  ['POST', membersOf(businessId), { email: 'x@example.com', role: 'staff' }],
  ['PATCH', `${membersOf(businessId)}/usr_0000000000000000`, { role: 'staff' }],
  ['DELETE', `${membersOf(businessId)}/usr_0000000000000000`],
  ['DELETE', `/businesses/${businessId}/invitations/inv_00000000000000000000`],
  [
    'POST',
    '/events',
    {
      businessId,
      name: 'Not yours',
      startsAt: '2027-01-10T20:00:00Z',
      timeZone: 'America/New_York',
      currency: 'usd',
      venue: { name: 'Hall', line1: '1 Main St', city: 'NYC', postalCode: '10001', country: 'US' },
    },
  ],
  ['PATCH', `/events/${eventId}`, { name: 'Renamed' }],
  [
    'POST',
    `/events/${eventId}/ticket-types`,
    {
      name: 'Extra',
      price: 1000,
      currency: 'usd',
      taxBehavior: 'exclusive',
      taxCode: 'txcd_50010001',
      capacity: 10,
      perOrderLimit: 2,
    },
  ],
  ['GET', `/events/${eventId}/attendees`],
  ['GET', `/events/${eventId}/orders`],
  ['POST', `/events/${eventId}/check-ins`, { qr: order.qr }],
  ['GET', `/orders/${order.orderId}`],
  ['POST', `/orders/${order.orderId}/cancel`],
  ['POST', `/orders/${order.orderId}/refunds`, { amount: 100 }, { 'idempotency-key': 'k-1' }],
];

const statusOf = (call: ReturnType<typeof api>, route: unknown[]) =>
  call(
    route[0] as string,
    route[1] as string,
    route[2],
    route[3] as Record<string, string> | undefined,
  ).then((a: Answer) => a.status);

describe('a team', () => {
  it('is listed by its owner, with the door staff the seed added', async () => {
    const team = await owner('GET', membersOf(businessId));
    expect(team.status).toBe(200);
    expect(team.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: DEMO_ORGANIZER.email, role: 'owner', status: 'active' }),
        expect.objectContaining({ email: DEMO_STAFF.email, role: 'staff', status: 'active' }),
      ]),
    );
    const mine = await owner('GET', '/businesses');
    expect(mine.body.items).toEqual([
      { businessId, name: local.seed?.business.name, role: 'owner' },
    ]);
  });

  it("lists the business's events to its members, drafts included, a page at a time", async () => {
    const draft = await owner('POST', '/events', {
      businessId,
      name: 'Spring Rehearsal',
      startsAt: '2027-03-10T19:00:00Z',
      timeZone: 'America/New_York',
      currency: 'usd',
      venue: {
        name: 'Blue Door Hall',
        line1: '120 W 44th St',
        city: 'New York',
        postalCode: '10036',
        country: 'US',
      },
    });
    expect(draft.status).toBe(201);
    const first = await owner('GET', `/businesses/${businessId}/events?limit=1`);
    expect(first.body.items).toHaveLength(1);
    const second = await owner(
      'GET',
      `/businesses/${businessId}/events?limit=1&cursor=${first.body.nextCursor}`,
    );
    const seen = [...first.body.items, ...second.body.items].map(
      (e: { eventId: string; status: string }) => [e.eventId, e.status],
    );
    expect(seen.sort()).toEqual(
      [
        [eventId, 'published'],
        [draft.body.eventId, 'draft'],
      ].sort(),
    );
    const bad = await owner('GET', `/businesses/${businessId}/events?cursor=bm90LWEta2V5`);
    expect(bad.status).toBe(400);
  });

  it('takes a manager and a staff member; staff scan and list attendees, and are refused the rest with 403', async () => {
    const manager = await addMember('mona.manager@example.com', 'manager');
    const staff = await addMember('stan.staff@example.com', 'staff');

    expect((await staff.call('GET', '/businesses')).body.items).toEqual([
      { businessId, name: local.seed?.business.name, role: 'staff' },
    ]);
    const events = await staff.call('GET', `/businesses/${businessId}/events`);
    expect(events.status).toBe(200);
    expect(events.body.items.map((e: { eventId: string }) => e.eventId)).toContain(eventId);
    expect((await staff.call('GET', `/events/${eventId}/attendees`)).status).toBe(200);
    const scan = await staff.call('POST', `/events/${eventId}/check-ins`, { qr: order.qr });
    expect(scan.status).toBe(201);

    const refused = [
      ['POST', `/orders/${order.orderId}/refunds`, { amount: 100 }, { 'idempotency-key': 's-1' }],
      ['PATCH', `/events/${eventId}`, { name: 'Renamed by staff' }],
      ['GET', `/orders/${order.orderId}`],
      ['GET', `/events/${eventId}/orders`],
      ['GET', membersOf(businessId)],
      ['POST', membersOf(businessId), { email: 'friend@example.com', role: 'staff' }],
    ];
    for (const route of refused) {
      const answer = await staff.call(
        route[0] as string,
        route[1] as string,
        route[2],
        route[3] as Record<string, string> | undefined,
      );
      expect([route[0], route[1], answer.status]).toEqual([route[0], route[1], 403]);
      expect(answer.body).toMatchObject({ status: 403, code: 'role-forbids' });
    }

    const renamed = await manager.call('PATCH', `/events/${eventId}`, {
      description: 'Managed by Mona.',
    });
    expect(renamed.status).toBe(200);
    expect((await manager.call('GET', `/orders/${order.orderId}`)).status).toBe(200);
    expect((await manager.call('GET', membersOf(businessId))).status).toBe(403);
  });

  it('answers the same email again with the existing membership, or 409 for another role', async () => {
    const user = await knownUser(local, 'repeat@example.com');
    expect(
      (await owner('POST', membersOf(businessId), { email: user.email, role: 'staff' })).status,
    ).toBe(201);
    const again = await owner('POST', membersOf(businessId), {
      email: 'Repeat@Example.com',
      role: 'staff',
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({
      status: 'active',
      userId: user.userId,
      email: user.email,
      role: 'staff',
    });
    const other = await owner('POST', membersOf(businessId), {
      email: user.email,
      role: 'manager',
    });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: 'role-differs', member: { role: 'staff' } });
  });

  it('refuses a removed member on their very next request, and gives a changed role at once', async () => {
    const staff = await addMember('short.stay@example.com', 'staff');
    expect((await staff.call('PATCH', `/events/${eventId}`, { description: 'x' })).status).toBe(
      403,
    );
    const promoted = await owner('PATCH', `${membersOf(businessId)}/${staff.userId}`, {
      role: 'manager',
    });
    expect(promoted.body).toMatchObject({ status: 'active', role: 'manager' });
    expect(
      (await staff.call('PATCH', `/events/${eventId}`, { description: 'Promoted.' })).status,
    ).toBe(200);

    expect((await owner('DELETE', `${membersOf(businessId)}/${staff.userId}`)).status).toBe(204);
    expect((await staff.call('GET', `/events/${eventId}/attendees`)).status).toBe(404);
    expect((await staff.call('GET', '/businesses')).body.items).toEqual([]);
    expect((await owner('DELETE', `${membersOf(businessId)}/${staff.userId}`)).status).toBe(404);

    const facts = async (type: string) =>
      (await archivedEvents(local, type)).filter((e) => e.detail.data.userId === staff.userId);
    expect(await facts('MemberAdded')).toHaveLength(1);
    expect(await facts('MemberRoleChanged')).toEqual([
      expect.objectContaining({
        detail: expect.objectContaining({
          data: expect.objectContaining({ role: 'manager', previousRole: 'staff', change: 1 }),
        }),
      }),
    ]);
    expect(await facts('MemberRemoved')).toHaveLength(1);
  });
});

describe('an invitation', () => {
  it('is emailed to an address with no account, and the membership starts when it signs up', async () => {
    const email = 'newcomer@example.com';
    const invited = await owner('POST', membersOf(businessId), { email, role: 'staff' });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ status: 'invited', email, role: 'staff' });
    const mail = await eventually(
      () => inbox(local, email),
      (m) => m.length > 0,
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toContain(local.seed?.business.name);
    expect(mail[0]?.body.text).toContain(email);
    expect((await owner('POST', membersOf(businessId), { email, role: 'staff' })).status).toBe(200);
    expect(await inbox(local, email)).toHaveLength(1);

    const newcomer = await signUp(local, email);
    // The confirmation trigger started it: the newcomer has not made a single request yet.
    const team = await owner('GET', membersOf(businessId));
    expect(team.body.items).toContainEqual(
      expect.objectContaining({ email, role: 'staff', status: 'active' }),
    );
    expect(team.body.items).not.toContainEqual(
      expect.objectContaining({ status: 'invited', email }),
    );
    const call = await newcomer.signIn();
    expect((await call('GET', '/businesses')).body.items).toEqual([
      { businessId, name: local.seed?.business.name, role: 'staff' },
    ]);
    expect((await call('GET', `/events/${eventId}/attendees`)).status).toBe(200);
    const added = (await archivedEvents(local, 'MemberAdded')).filter(
      (e) => e.detail.data.email === email,
    );
    expect(added).toEqual([
      expect.objectContaining({
        detail: expect.objectContaining({
          data: expect.objectContaining({ invitationId: invited.body.invitationId }),
        }),
      }),
    ]);
  });

  it('starts the membership on the first request whose token carries the verified email, when no trigger ran', async () => {
    const email = 'made.by.admin@example.com';
    const invited = await owner('POST', membersOf(businessId), { email, role: 'manager' });
    expect(invited.body.status).toBe('invited');
    const user = await adminMadeUser(local, email);
    expect((await owner('GET', membersOf(businessId))).body.items).toContainEqual(
      expect.objectContaining({ status: 'invited', email }),
    );
    expect((await user.call('PATCH', `/events/${eventId}`, { description: 'First.' })).status).toBe(
      200,
    );
    expect((await owner('GET', membersOf(businessId))).body.items).toContainEqual(
      expect.objectContaining({ status: 'active', email, role: 'manager' }),
    );
  });

  it('can be withdrawn before anyone accepts it', async () => {
    const email = 'withdrawn@example.com';
    const invited = await owner('POST', membersOf(businessId), { email, role: 'staff' });
    const path = `/businesses/${businessId}/invitations/${invited.body.invitationId}`;
    expect((await owner('DELETE', path)).status).toBe(204);
    expect((await owner('DELETE', path)).status).toBe(404);
    const user = await adminMadeUser(local, email);
    expect((await user.call('GET', '/businesses')).body.items).toEqual([]);
    expect(
      (await archivedEvents(local, 'InvitationCanceled')).filter(
        (e) => e.detail.data.invitationId === invited.body.invitationId,
      ),
    ).toHaveLength(1);
  });
});

describe('the last owner', () => {
  /** A new business of its founder's, and a known user the founder adds as a second owner. */
  const businessOfTwoOwners = async (founderEmail: string, partnerEmail: string) => {
    const founder = await knownUser(local, founderEmail);
    const created = await founder.call('POST', '/businesses', {
      name: `${founderEmail}'s hall`,
      country: 'US',
      currency: 'usd',
    });
    const own = membersOf(created.body.businessId);
    const soleOwner = {
      remove: await founder.call('DELETE', `${own}/${founder.userId}`),
      demote: await founder.call('PATCH', `${own}/${founder.userId}`, { role: 'manager' }),
    };
    const partner = await knownUser(local, partnerEmail);
    const added = await founder.call('POST', own, { email: partner.email, role: 'owner' });
    expect(added.status).toBe(201);
    return { own, founder, partner, soleOwner };
  };

  it('can be neither removed nor demoted; with a second owner, either can', async () => {
    const { own, founder, partner, soleOwner } = await businessOfTwoOwners(
      'founder@example.com',
      'partner@example.com',
    );
    expect(soleOwner.remove.status).toBe(409);
    expect(soleOwner.remove.body).toMatchObject({ code: 'last-owner' });
    expect(soleOwner.demote.status).toBe(409);

    expect(
      (await founder.call('PATCH', `${own}/${founder.userId}`, { role: 'manager' })).body,
    ).toMatchObject({ role: 'manager' });
    expect((await founder.call('GET', own)).status).toBe(403);
    expect((await partner.call('DELETE', `${own}/${partner.userId}`)).status).toBe(409);
    expect((await partner.call('DELETE', `${own}/${founder.userId}`)).status).toBe(204);
  });

  it('survives two owners demoting each other at once: one of them stays owner', async () => {
    const { own, founder, partner } = await businessOfTwoOwners(
      'first.owner@example.com',
      'second.owner@example.com',
    );
    const answers = await Promise.all([
      founder.call('PATCH', `${own}/${partner.userId}`, { role: 'manager' }),
      partner.call('PATCH', `${own}/${founder.userId}`, { role: 'manager' }),
    ]);
    // The loser is refused by the owner count (409), or, if the winner's change landed before
    // the loser's request was authorized, by their new role (403).
    const [won, lost] = [...answers].sort((a, b) => a.status - b.status);
    expect(won?.status).toBe(200);
    expect([403, 409]).toContain(lost?.status);
    const winner = answers[0]?.status === 200 ? founder : partner;
    const team = (await winner.call('GET', own)).body.items;
    expect(team.filter((m: { role: string }) => m.role === 'owner')).toHaveLength(1);
  });
});

describe('an organizer of another business', () => {
  it('gets 404 on every route of this one', async () => {
    const outsider = await knownUser(local, 'outsider@example.com');
    expect(
      (
        await outsider.call('POST', '/businesses', {
          name: 'Elsewhere Live',
          country: 'US',
          currency: 'usd',
        })
      ).status,
    ).toBe(201);
    const answers = [];
    for (const route of everyRouteOfTheBusiness()) {
      answers.push([route[0], route[1], await statusOf(outsider.call, route)]);
    }
    expect(answers).toEqual(everyRouteOfTheBusiness().map((r) => [r[0], r[1], 404]));
  });
});
