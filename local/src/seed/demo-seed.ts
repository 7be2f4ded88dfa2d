import type {
  Business,
  CreateTicketTypeRequest,
  ListEventsResponse,
  ListMembersResponse,
  OrganizerEvent,
  PublicEvent,
  TicketType,
} from '@mytabs/contracts';
import type { LoadedManifest } from '@mytabs/contracts/manifest/load-manifests';
import { apiClient } from './api-client.ts';
import { type LocalUser, signInLocalUser } from './local-user.ts';

export const DEMO_ORGANIZER: LocalUser = {
  email: 'organizer@keeptabs.app',
  password: 'Demo-organizer-2026!',
  name: 'Dana Demo',
  groups: ['organizer'],
};

/** Door staff of the demo business: may read the attendee list and check tickets in, no more. */
export const DEMO_STAFF: LocalUser = {
  email: 'door@keeptabs.app',
  password: 'Demo-door-staff-2026!',
  name: 'Sam Door',
  groups: ['staff'],
};

export interface DemoSeed {
  organizer: LocalUser;
  staff: LocalUser;
  business: Business;
  /** As buyers see it (GET /events/{eventId}). */
  event: PublicEvent;
}

const DAY_MS = 24 * 3600 * 1000;
const DEMO_EVENT_NAME = 'Winter Lights Concert';

/** With `--data-dir`, a restart finds the event of the first start instead of adding another. */
const findPublishedEvent = async (apiUrl: string, name: string) => {
  const { items } = await apiClient(apiUrl).get<ListEventsResponse>('/events?limit=100');
  return items.find((e) => e.name === name);
};

/**
 * The demo staff member in the business: signed in once first, which makes their verified email
 * known, so the owner's addition makes them a member at once rather than inviting them.
 */
const addDemoStaff = async (
  endpoints: { edge: string; api: string },
  manifests: readonly LoadedManifest[],
  owner: ReturnType<typeof apiClient>,
  businessId: string,
) => {
  const staffToken = await signInLocalUser(endpoints.edge, manifests, DEMO_STAFF);
  await apiClient(endpoints.api, staffToken).get('/users/me');
  const members = await owner.get<ListMembersResponse>(`/businesses/${businessId}/members`);
  if (members.items.some((m) => m.email === DEMO_STAFF.email)) return;
  await owner.post(`/businesses/${businessId}/members`, { email: DEMO_STAFF.email, role: 'staff' });
};

/**
 * What a newcomer needs to buy a ticket locally: an organizer and a door staff member
 * (credentials printed), their business, and a published event with two ticket types. Made through the API like a client
 * would, so it exercises the same paths; a second run with the same data adds another event.
 */
export const seedDemo = async (
  endpoints: { edge: string; api: string },
  manifests: readonly LoadedManifest[],
  now = new Date(),
): Promise<DemoSeed> => {
  const organizer = DEMO_ORGANIZER;
  const token = await signInLocalUser(endpoints.edge, manifests, organizer);
  const api = apiClient(endpoints.api, token);
  const me = await api.get<{ businesses: { businessId: string }[] }>('/users/me');
  const business = me.businesses[0]
    ? await api.get<Business>(`/businesses/${me.businesses[0].businessId}`)
    : await api.post<Business>('/businesses', {
        name: 'Blue Door Live',
        country: 'US',
        currency: 'usd',
        ticketFee: 150,
      });

  await addDemoStaff(endpoints, manifests, api, business.businessId);
  const staff = DEMO_STAFF;

  const existing = await findPublishedEvent(endpoints.api, DEMO_EVENT_NAME);
  if (existing) return { organizer, staff, business, event: existing };

  const startsAt = new Date(now.getTime() + 30 * DAY_MS);
  startsAt.setUTCHours(1, 0, 0, 0);
  const event = await api.post<OrganizerEvent>('/events', {
    businessId: business.businessId,
    name: DEMO_EVENT_NAME,
    description: 'An evening of winter songs by candlelight.',
    startsAt: startsAt.toISOString().replace('.000Z', 'Z'),
    timeZone: 'America/New_York',
    currency: 'usd',
    venue: {
      name: 'Blue Door Hall',
      line1: '120 W 44th St',
      city: 'New York',
      state: 'NY',
      postalCode: '10036',
      country: 'US',
    },
  });
  const ticketTypes: CreateTicketTypeRequest[] = [
    {
      name: 'General admission',
      price: 4500 as CreateTicketTypeRequest['price'],
      currency: 'usd',
      taxBehavior: 'exclusive',
      taxCode: 'txcd_50010001',
      capacity: 200,
      perOrderLimit: 8,
    },
    {
      name: 'VIP balcony',
      price: 12000 as CreateTicketTypeRequest['price'],
      currency: 'usd',
      taxBehavior: 'inclusive',
      taxCode: 'txcd_50010001',
      capacity: 100,
      perOrderLimit: 4,
    },
  ];
  for (const ticketType of ticketTypes) {
    await api.post<TicketType>(`/events/${event.eventId}/ticket-types`, ticketType);
  }
  await api.patch<OrganizerEvent>(`/events/${event.eventId}`, { status: 'published' });
  return {
    organizer,
    staff,
    business,
    event: await api.get<PublicEvent>(`/events/${event.eventId}`),
  };
};
