import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Business, EventEntry, OrganizerEvent } from '@mytabs/contracts';
import {
  apiClient,
  archivedEvents,
  eventually,
  localNames,
  type RepoPlatform,
  seatsLeft,
  stripeFor,
} from '@mytabs/local';

const credentials = (accessKeyId: string) => ({ accessKeyId, secretAccessKey: 'test' });

/** Lambda signed as another service (`orders`), so the manifest's `invokedBy` applies. */
export const lambdaAs = (local: RepoPlatform, service: string) =>
  new LambdaClient({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: credentials(`${service}.test`),
    maxAttempts: 1,
  });

const documents = (local: RepoPlatform) =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: local.endpoints.edge,
      region: 'us-east-1',
      credentials: credentials('test'),
    }),
  );

/** A record of the payments table, read consistently (`webhook#evt_...`, `payment#ord_...`). */
export const paymentsRecord = async (local: RepoPlatform, pk: string) => {
  const { Item } = await documents(local).send(
    new GetCommand({
      TableName: localNames.table('payments'),
      Key: { pk, sk: 'record' },
      ConsistentRead: true,
    }),
  );
  return Item;
};

/** Writes a payments record directly: only to set up a state no API call can reach on its own. */
export const putPaymentsRecord = (local: RepoPlatform, pk: string, item: Record<string, unknown>) =>
  documents(local).send(
    new PutCommand({
      TableName: localNames.table('payments'),
      Item: { ...item, pk, sk: 'record' },
    }),
  );

/** Puts events on the `mytabs` bus signed as `service` (its functions' credentials). */
export const publishAs = (local: RepoPlatform, service: string, entries: EventEntry[]) =>
  new EventBridgeClient({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: credentials(`${service}.test`),
  }).send(
    new PutEventsCommand({
      Entries: entries.map(({ Source, DetailType, Detail }) => ({
        Source,
        DetailType,
        Detail,
        EventBusName: localNames.bus,
      })),
    }),
  );

export interface Answer {
  status: number;
  contentType: string | null;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field in the tests
  body: any;
}

/** POST to the public API as the ticket site does; the answer is never thrown. */
export const post = async (
  local: RepoPlatform,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> => {
  const response = await fetch(`${local.endpoints.api}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
};

export interface SellerSetup {
  email: string;
  country: string;
  currency: string;
  ticketFee: number;
  venue: OrganizerEvent['venue'];
  timeZone: string;
  ticketTypes: {
    name: string;
    price: number;
    taxBehavior: 'exclusive' | 'inclusive';
    capacity: number;
    perOrderLimit: number;
  }[];
}

/** An organizer's business and a published event, made through the API as demo-seed does. */
export const publishedEvent = async (local: RepoPlatform, setup: SellerSetup) => {
  const token = await local.signIn({
    email: setup.email,
    password: 'Organizer-pass-2026!',
    name: setup.email,
    groups: ['organizer'],
  });
  const api = apiClient(local.endpoints.api, token);
  const business = await api.post<Business>('/businesses', {
    name: `Business of ${setup.email}`,
    country: setup.country,
    currency: setup.currency,
    ticketFee: setup.ticketFee,
  });
  const event = await api.post<OrganizerEvent>('/events', {
    businessId: business.businessId,
    name: `Show of ${setup.email}`,
    startsAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    timeZone: setup.timeZone,
    currency: setup.currency,
    venue: setup.venue,
  });
  const ticketTypeIds: string[] = [];
  for (const type of setup.ticketTypes) {
    const created = await api.post<{ ticketTypeId: string }>(
      `/events/${event.eventId}/ticket-types`,
      { ...type, currency: setup.currency, taxCode: 'txcd_50010001' },
    );
    ticketTypeIds.push(created.ticketTypeId);
  }
  await api.patch(`/events/${event.eventId}`, { status: 'published' });
  return { eventId: event.eventId, ticketTypeIds };
};

/** Seats left of a ticket type, as a buyer sees them. */
export const available = seatsLeft;

/** The domain events of one type the `mytabs` bus archived, optionally for one order only. */
export const archived = archivedEvents;

export { eventually, stripeFor };

/** A published event in New York (8.875%) with a $45.00 exclusive and a $120.00 inclusive tier. */
export const newYorkEvent = async (local: RepoPlatform, email: string, ticketFee = 150) => {
  const { eventId, ticketTypeIds } = await publishedEvent(local, {
    email,
    country: 'US',
    currency: 'usd',
    ticketFee,
    timeZone: 'America/New_York',
    venue: {
      name: 'Blue Door Hall',
      line1: '120 W 44th St',
      city: 'New York',
      state: 'NY',
      postalCode: '10036',
      country: 'US',
    },
    ticketTypes: [
      { name: 'General', price: 4500, taxBehavior: 'exclusive', capacity: 200, perOrderLimit: 8 },
      { name: 'VIP', price: 12000, taxBehavior: 'inclusive', capacity: 100, perOrderLimit: 4 },
    ],
  });
  const [general, vip] = ticketTypeIds as [string, string];
  return { eventId, general, vip };
};

export const NEW_YORK_BUYER = { country: 'US', postalCode: '10036', state: 'NY' };

/** A checkout as the ticket site makes one: `seats` general tickets, answered 201. */
export const checkout = async (
  local: RepoPlatform,
  event: { eventId: string; general: string },
  seats = 1,
) => {
  const answer = await post(local, '/payments/createPaymentIntent', {
    eventId: event.eventId,
    items: [{ ticketTypeId: event.general, quantity: seats }],
    address: NEW_YORK_BUYER,
    buyer: { email: 'buyer@example.com', name: 'Bea Buyer' },
  });
  if (answer.status !== 201)
    throw new Error(`checkout answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body as {
    orderId: string;
    paymentIntentId: string;
    amount: number;
    currency: string;
  };
};
