import { createPrivateKey } from 'node:crypto';
import { createRequire } from 'node:module';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  UpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  type Operation,
  type OperationName,
  operations,
  type Permission,
  type Role,
  rolePermissions,
} from '@mytabs/contracts';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { decodeJwt, SignJWT } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localUserPool } from '../../src/seed/local-user.ts';
import { eventually, stripeFor } from '../../src/testing/probes.ts';
import { type RepoPlatform, repoRoot, startRepoPlatform } from '../../src/testing/repo-platform.ts';

/**
 * Every route × every kind of caller, the expected answer derived from the route table (`auth`)
 * and the roles' permissions. What a route needs inside a business is written here once per
 * route, and a route missing from this table fails the test: a new route joins the matrix.
 */
type Guard =
  /** Anyone, with or without a token. */
  | { kind: 'open' }
  /** Any signed-in user, about themselves or a business they create. */
  | { kind: 'signed-in' }
  /** A member of the business whose role has the permission; `orderToken`: its order's token too. */
  | { kind: 'business'; permission: Permission; orderToken?: boolean };

const open = { kind: 'open' } as const;
const signedIn = { kind: 'signed-in' } as const;
const business = (permission: Permission, orderToken = false): Guard => ({
  kind: 'business',
  permission,
  orderToken,
});

const GUARDS: Record<OperationName, Guard> = {
  calculateTax: open,
  createPaymentIntent: open,
  stripeWebhook: open,
  getOrder: business('orders', true),
  cancelOrder: business('orders', true),
  refundOrder: business('refunds'),
  downloadTicketsPdf: business('orders', true),
  downloadTicketFile: business('orders', true),
  resendConfirmation: business('orders', true),
  reissueTicket: business('orders'),
  health: open,
  listEvents: open,
  createEvent: business('events'),
  getEvent: open,
  updateEvent: business('events'),
  cancelEvent: business('events'),
  createTicketType: business('ticketTypes'),
  listAttendees: business('attendees'),
  listEventOrders: business('orders'),
  getEventSales: business('sales'),
  checkIn: business('checkIn'),
  getMe: signedIn,
  updateMe: signedIn,
  createBusiness: signedIn,
  listMyBusinesses: signedIn,
  getBusiness: business('business'),
  listBusinessEvents: business('business'),
  listMembers: business('members'),
  addMember: business('members'),
  changeMemberRole: business('members'),
  removeMember: business('members'),
  cancelInvitation: business('members'),
};

type Caller =
  | 'anonymous'
  | 'garbage'
  | 'forged'
  | 'expired'
  | 'ownOrder'
  | 'otherOrder'
  | 'stranger'
  | 'otherBusiness'
  | 'changedEmail'
  | 'staff'
  | 'manager'
  | 'owner';
/** The owner comes last: what it is allowed to do changes things the others are asked about. */
const CALLERS: Caller[] = [
  'anonymous',
  'garbage',
  'forged',
  'expired',
  'ownOrder',
  'otherOrder',
  'stranger',
  'otherBusiness',
  'changedEmail',
  'staff',
  'manager',
  'owner',
];

type Expected = 401 | 403 | 404 | 'allowed';

const expected = (operation: Operation, guard: Guard, caller: Caller): Expected => {
  const badToken = caller === 'garbage' || caller === 'forged' || caller === 'expired';
  // A token is checked wherever one is sent: on a route open to anyone too, if it takes users.
  if (guard.kind === 'open') return badToken && operation.auth !== 'public' ? 401 : 'allowed';
  if (badToken || caller === 'anonymous') return 401;
  const isOrderToken = caller === 'ownOrder' || caller === 'otherOrder';
  if (isOrderToken && operation.auth === 'user') return 401;
  if (guard.kind === 'signed-in') return 'allowed';
  if (isOrderToken) return guard.orderToken && caller === 'ownOrder' ? 'allowed' : 404;
  // Owning another business, or having set one's email to the buyer's unverified, gives nothing here.
  if (caller === 'stranger' || caller === 'otherBusiness' || caller === 'changedEmail') return 404;
  return rolePermissions[caller as Role].has(guard.permission) ? 'allowed' : 403;
};

/** The local pool's own signing key (cognito-local ships one): a valid token, but expired. */
const poolKey = createRequire(import.meta.url)(
  'cognito-local/lib/keys/cognitoLocal.private.json',
) as { pem: string };
const expiredCopyOf = (idToken: string) =>
  new SignJWT(decodeJwt(idToken))
    .setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' })
    .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
    .sign(createPrivateKey(poolKey.pem));

let local: RepoPlatform;
let tokens: Record<Caller, string | undefined>;
let ids: Record<string, string>;

const api = async (
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
) => {
  const response = await fetch(`${local.endpoints.api}${path}`, {
    method,
    headers: {
      ...headers,
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
};

/** A user who set their email to `email` (not verified) and signed in again: their new ID token. */
const withEmailChangedTo = async (email: string) => {
  const password = 'Matrix-caller-2026!';
  const username = 'matrix-changed-email@example.com';
  await local.signIn({ email: username, password, name: username });
  const { clientId } = localUserPool(await loadManifests(repoRoot));
  const cognito = new CognitoIdentityProviderClient({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const signIn = async () =>
    (
      await cognito.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: username, PASSWORD: password },
        }),
      )
    ).AuthenticationResult;
  const first = await signIn();
  await cognito.send(
    new UpdateUserAttributesCommand({
      AccessToken: first?.AccessToken,
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
  const again = await signIn();
  cognito.destroy();
  return again?.IdToken;
};

const checkout = async () => {
  const seed = local.seed;
  const answer = await api('POST', '/payments/createPaymentIntent', undefined, {
    eventId: seed?.event.eventId,
    items: [{ ticketTypeId: seed?.event.ticketTypes[0]?.ticketTypeId, quantity: 1 }],
    address: { country: 'US', postalCode: '10036', state: 'NY' },
    buyer: { email: 'matrix-buyer@example.com', name: 'Matrix Buyer' },
  });
  expect(answer.status).toBe(201);
  return answer.json() as { orderId: string; orderToken: string; paymentIntentId: string };
};

beforeAll(async () => {
  local = await startRepoPlatform({ seed: true });
  const seed = local.seed;
  if (!seed) throw new Error('seeded platform expected');
  const signIn = (email: string) =>
    local.signIn({
      email,
      password: 'Matrix-caller-2026!',
      name: email,
    });
  const owner = await local.signIn(seed.organizer);
  const staff = await local.signIn(seed.staff);
  const stranger = await signIn('matrix-stranger@example.com');
  const businessId = seed.business.businessId;
  const member = async (email: string, role: string) => {
    // Identity knows a user once they have called the API with their verified address.
    expect((await api('GET', '/users/me', await signIn(email))).status).toBe(200);
    const added = await api('POST', `/businesses/${businessId}/members`, owner, { email, role });
    expect(added.status).toBe(201);
    return added.json() as { userId: string };
  };
  await member('matrix-manager@example.com', 'manager');
  // A member the member routes act on, so that none of them removes a caller of the matrix.
  const target = await member('matrix-target@example.com', 'staff');
  const invited = await api('POST', `/businesses/${businessId}/members`, owner, {
    email: 'matrix-nobody-yet@example.com',
    role: 'staff',
  });
  const otherOwner = await signIn('matrix-other-owner@example.com');
  const other = await api('POST', '/businesses', otherOwner, {
    name: 'Other Shows',
    country: 'US',
    currency: 'usd',
  });
  expect(other.status).toBe(201);
  const [ownOrder, otherOrder] = [await checkout(), await checkout()];
  // Paid and fulfilled, so that its tickets can be downloaded, sent again and reissued.
  await stripeFor(local).paymentIntents.confirm(ownOrder.paymentIntentId, {
    payment_method: 'pm_card_visa',
  });
  const fulfilled = await eventually(
    () => api('GET', `/orders/${ownOrder.orderId}`, ownOrder.orderToken),
    (answer) => answer.status === 200 && answer.json().status === 'FULFILLED',
    60_000,
  );
  const ticketId = fulfilled.json().tickets[0].ticketId as string;
  await eventually(
    () => api('GET', `/orders/${ownOrder.orderId}/tickets.pdf`, ownOrder.orderToken),
    (answer) => answer.status === 200,
    60_000,
  );
  tokens = {
    anonymous: undefined,
    garbage: 'x',
    forged: `${owner.split('.').slice(0, 2).join('.')}.${'A'.repeat(86)}`,
    expired: await expiredCopyOf(owner),
    ownOrder: ownOrder.orderToken,
    otherOrder: otherOrder.orderToken,
    stranger,
    otherBusiness: otherOwner,
    changedEmail: await withEmailChangedTo('matrix-buyer@example.com'),
    staff,
    manager: await signIn('matrix-manager@example.com'),
    owner,
  };
  ids = {
    eventId: seed.event.eventId,
    businessId,
    orderId: ownOrder.orderId,
    userId: target.userId,
    invitationId: invited.json().invitationId,
    ticketId,
    ticketFile: `${ticketId}.ics`,
  };
}, 120_000);
afterAll(() => local?.close());

/** A body each route accepts as input, so that what answers is the route's guard, not its parser. */
const bodies: Partial<Record<OperationName, () => unknown>> = {
  calculateTax: () => ({
    eventId: ids.eventId,
    items: [{ ticketTypeId: local.seed?.event.ticketTypes[0]?.ticketTypeId, quantity: 1 }],
    address: { country: 'US', postalCode: '10036', state: 'NY' },
  }),
  createPaymentIntent: () => ({
    ...(bodies.calculateTax?.() as object),
    buyer: { email: 'matrix-buyer@example.com', name: 'Matrix Buyer' },
  }),
  stripeWebhook: () => ({
    id: 'evt_matrix0001',
    object: 'event',
    type: 'customer.created',
    created: 1,
    livemode: false,
    data: { object: { id: 'cus_1', object: 'customer' } },
  }),
  refundOrder: () => ({}),
  createEvent: () => ({
    businessId: ids.businessId,
    name: 'Matrix night',
    startsAt: '2027-05-01T19:00:00Z',
    timeZone: 'America/New_York',
    currency: 'usd',
    venue: {
      name: 'Hall',
      line1: '1 Main St',
      city: 'New York',
      state: 'NY',
      postalCode: '10036',
      country: 'US',
    },
  }),
  updateEvent: () => ({ name: local.seed?.event.name }),
  cancelEvent: () => ({ reason: 'The matrix asks everyone.' }),
  createTicketType: () => ({
    name: 'Matrix seat',
    price: 1000,
    currency: 'usd',
    taxBehavior: 'exclusive',
    taxCode: 'txcd_50010001',
    capacity: 5,
    perOrderLimit: 1,
  }),
  checkIn: () => ({ qr: 'not-a-ticket' }),
  updateMe: () => ({ name: 'Someone' }),
  createBusiness: () => ({ name: 'Matrix Co', country: 'US', currency: 'usd' }),
  addMember: () => ({ email: 'matrix-added@example.com', role: 'staff' }),
  changeMemberRole: () => ({ role: 'staff' }),
};

const headersFor: Partial<Record<OperationName, (caller: Caller) => Record<string, string>>> = {
  refundOrder: (caller) => ({ 'idempotency-key': `matrix-${caller}` }),
  reissueTicket: (caller) => ({ 'idempotency-key': `matrix-${caller}` }),
  stripeWebhook: () => ({ 'stripe-signature': 't=1,v1=00' }),
};

it('covers every route of the route table', () => {
  expect(Object.keys(GUARDS).sort()).toEqual(Object.keys(operations).sort());
});

it('answers every route × caller as the route table and the roles say', async () => {
  const mismatches: string[] = [];
  let asked = 0;
  for (const [name, operation] of Object.entries(operations) as [OperationName, Operation][]) {
    const guard = GUARDS[name];
    const path = operation.path.replace(/\{(\w+)\}/g, (_, param: string) => ids[param] ?? 'x');
    // A refused caller's answer, e.g. a stranger's 404: an allowed caller must not get the same.
    const refusals = new Set<string>();
    for (const caller of CALLERS) {
      const answer = await api(
        operation.method,
        path,
        tokens[caller],
        bodies[name]?.(),
        headersFor[name]?.(caller),
      );
      asked += 1;
      const want = expected(operation, guard, caller);
      const seen = `${answer.status} ${answer.text}`;
      if (want !== 'allowed') {
        if (answer.status === want) refusals.add(seen);
        else mismatches.push(`${name} as ${caller}: ${answer.status}, not ${want}`);
      } else if (answer.status === 401 || answer.status === 403 || refusals.has(seen)) {
        mismatches.push(`${name} as ${caller}: refused (${seen.slice(0, 120)}), not allowed`);
      } else if (answer.status >= 500) {
        mismatches.push(`${name} as ${caller}: ${answer.status}`);
      }
    }
  }
  expect(asked).toBe(Object.keys(operations).length * CALLERS.length);
  expect(mismatches).toEqual([]);
}, 300_000);
