import type { Business, OrganizerEvent } from '@mytabs/contracts';
import type { LoadedManifest } from '@mytabs/contracts/manifest/load-manifests';
import { apiClient } from '../seed/api-client.ts';
import { type LocalUser, signInLocalUser } from '../seed/local-user.ts';

/** The organizer of every bench event (an owner of its business). */
export const BENCH_ORGANIZER: LocalUser = {
  email: 'bench@keeptabs.app',
  password: 'Bench-organizer-2026!',
  name: 'Bench Organizer',
  groups: ['organizer'],
};

/** A fresh published event of one ticket type with `seats` seats, for one bench run. */
export const createBenchEvent = async (
  endpoints: { edge: string; api: string },
  manifests: readonly LoadedManifest[],
  { seats, perOrderLimit }: { seats: number; perOrderLimit: number },
) => {
  const token = await signInLocalUser(endpoints.edge, manifests, BENCH_ORGANIZER);
  const api = apiClient(endpoints.api, token);
  const me = await api.get<{ businesses: { businessId: string }[] }>('/users/me');
  const businessId =
    me.businesses[0]?.businessId ??
    (
      await api.post<Business>('/businesses', {
        name: 'Bench Arena',
        country: 'US',
        currency: 'usd',
        ticketFee: 150,
      })
    ).businessId;
  const event = await api.post<OrganizerEvent>('/events', {
    businessId,
    name: `Bench night ${new Date().toISOString()}`,
    startsAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    timeZone: 'America/New_York',
    currency: 'usd',
    venue: {
      name: 'Bench Arena',
      line1: '4 Pennsylvania Plaza',
      city: 'New York',
      state: 'NY',
      postalCode: '10001',
      country: 'US',
    },
  });
  const ticketType = await api.post<{ ticketTypeId: string }>(
    `/events/${event.eventId}/ticket-types`,
    {
      name: 'Floor',
      price: 6500,
      currency: 'usd',
      taxBehavior: 'exclusive',
      taxCode: 'txcd_50010001',
      capacity: seats,
      perOrderLimit,
    },
  );
  await api.patch(`/events/${event.eventId}`, { status: 'published' });
  return { eventId: event.eventId, ticketTypeId: ticketType.ticketTypeId };
};
