import { LambdaClient } from '@aws-sdk/client-lambda';
import { type Business, HoldSeatsInvocation, type OrganizerEvent } from '@mytabs/contracts';
import { invokeFunction } from '@mytabs/lambda-kit';
import {
  apiClient,
  archivedEvents,
  eventually,
  localNames,
  type RepoPlatform,
  seatsLeft,
} from '@mytabs/local';

/** An organizer of their own business, signed in through the local user pool. */
export const organizerOf = async (local: RepoPlatform, email: string, businessName: string) => {
  const token = await local.signIn({
    email,
    password: 'Organizer-pass-2026!',
    name: businessName,
    groups: ['organizer'],
  });
  const api = apiClient(local.endpoints.api, token);
  const business = await api.post<Business>('/businesses', {
    name: businessName,
    country: 'US',
    currency: 'usd',
    ticketFee: 100,
  });
  return { token, api, business };
};

/** A published event with one ticket type of `capacity` seats, made by `organizer`. */
export const publishedEvent = async (
  organizer: Awaited<ReturnType<typeof organizerOf>>,
  capacity: number,
) => {
  const event = await organizer.api.post<OrganizerEvent>('/events', {
    businessId: organizer.business.businessId,
    name: 'Small room',
    startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    timeZone: 'Europe/Paris',
    currency: 'usd',
    venue: {
      name: 'Le Petit',
      line1: '1 rue de la Paix',
      city: 'Paris',
      postalCode: '75002',
      country: 'FR',
    },
  });
  const ticketType = await organizer.api.post<{ ticketTypeId: string }>(
    `/events/${event.eventId}/ticket-types`,
    {
      name: 'Seat',
      price: 2000,
      currency: 'usd',
      taxBehavior: 'inclusive',
      taxCode: 'txcd_50010001',
      capacity,
      perOrderLimit: 4,
    },
  );
  await organizer.api.patch(`/events/${event.eventId}`, { status: 'published' });
  return { eventId: event.eventId, ticketTypeId: ticketType.ticketTypeId };
};

/** Calls ticketing.holdSeats as payments does: signed as the payments service. */
export const holdAsPayments = (local: RepoPlatform) => {
  const lambda = new LambdaClient({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'payments.test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  return (orderId: string, eventId: string, ticketTypeId: string, quantity: number) =>
    invokeFunction(lambda, localNames.function('ticketing', 'holdSeats'), HoldSeatsInvocation, {
      orderId,
      eventId,
      items: [{ ticketTypeId, quantity }],
    });
};

/** Seats left of a ticket type, as a buyer sees them. */
export const available = seatsLeft;

/** The domain events of one type the `mytabs` bus has archived so far. */
export const archived = (local: RepoPlatform, detailType: string) =>
  archivedEvents(local, detailType);

export { eventually };
