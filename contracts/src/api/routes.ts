import type * as z from 'zod';
import type { HttpRoute } from '../manifest/service-manifest.ts';
import { AttendeesCsv, ListAttendeesQuery, ListAttendeesResponse } from './attendees.ts';
import {
  Business,
  BusinessPathParams,
  CreateBusinessRequest,
  ListMyBusinessesResponse,
} from './businesses.ts';
import { CheckInRequest, CheckInResponse } from './check-ins.ts';
import {
  CalculateTaxRequest,
  CalculateTaxResponse,
  CreatePaymentIntentRequest,
  CreatePaymentIntentResponse,
  IdempotencyKeyHeader,
  RequiredIdempotencyKeyHeader,
} from './checkout.ts';
import { CancelEventRequest, CancelEventResponse } from './event-cancellation.ts';
import { ListEventOrdersQuery, ListEventOrdersResponse } from './event-orders.ts';
import {
  CreateEventRequest,
  EventPathParams,
  ListBusinessEventsResponse,
  ListEventsQuery,
  ListEventsResponse,
  OrganizerEvent,
  PublicEvent,
  UpdateEventRequest,
} from './events.ts';
import { HealthResponse } from './health.ts';
import {
  AddMemberRequest,
  ChangeMemberRoleRequest,
  InvitationPathParams,
  ListMembersResponse,
  Member,
  MemberPathParams,
} from './members.ts';
import {
  CancelOrderResponse,
  Order,
  OrderPathParams,
  RefundOrderRequest,
  RefundOrderResponse,
} from './orders.ts';
import { EventSales } from './sales.ts';
import { CreateTicketTypeRequest, TicketType } from './ticket-types.ts';
import {
  ReissueTicketResponse,
  ResendConfirmationResponse,
  SignedLinkQuery,
  TicketFilePathParams,
  TicketPathParams,
} from './tickets.ts';
import { UpdateUserRequest, User } from './users.ts';
import { StripeSignatureHeader, StripeWebhookEvent, WebhookReceived } from './webhook.ts';

export interface SuccessResponse {
  description: string;
  /** JSON body; absent for an empty answer. */
  schema?: z.ZodType;
  /** The same answer as CSV, chosen by `Accept: text/csv`. */
  csv?: z.ZodType;
  /** A file instead of JSON, in one of these content types. */
  files?: string[];
}

/**
 * Error statuses a route answers in problem+json besides the gateway's own (401, 403, 429). A
 * handler's 403: a member of the business whose role does not allow it.
 */
export type ProblemStatus = 400 | 403 | 404 | 409 | 422 | 429 | 502 | 503;

export interface Operation extends HttpRoute {
  summary: string;
  /** Who implements it (the service whose manifest declares the route). */
  service: 'payments' | 'orders' | 'ticketing' | 'identity' | 'notifications';
  pathParams?: z.ZodObject;
  query?: z.ZodObject;
  /** Header names in lower case, as handlers read them after normalizing. */
  headers?: z.ZodObject;
  body?: z.ZodType;
  responses: Partial<Record<200 | 201 | 202 | 204, SuccessResponse>>;
  problems: ProblemStatus[];
}

const operation = <const O extends Operation>(o: O) => o;

/** Every route of the API, by operation name: what the manifests route and OpenAPI documents. */
export const operations = {
  calculateTax: operation({
    method: 'POST',
    path: '/payments/calculate-tax',
    auth: 'public',
    keepTraces: true,
    service: 'payments',
    summary: 'Price, fees and tax quote for a cart (tax at the venue, via Stripe Tax)',
    body: CalculateTaxRequest,
    responses: { 200: { description: 'The quote', schema: CalculateTaxResponse } },
    problems: [400, 404, 409, 502, 503],
  }),
  createPaymentIntent: operation({
    method: 'POST',
    path: '/payments/createPaymentIntent',
    auth: 'public-or-user',
    keepTraces: true,
    service: 'payments',
    summary:
      'Hold seats, create the order (PENDING_PAYMENT) and its PaymentIntent; a signed-in buyer owns it',
    headers: IdempotencyKeyHeader,
    body: CreatePaymentIntentRequest,
    responses: {
      201: {
        description: 'The order, its PaymentIntent client secret and an order token',
        schema: CreatePaymentIntentResponse,
      },
    },
    problems: [400, 404, 409, 502, 503],
  }),
  stripeWebhook: operation({
    method: 'POST',
    path: '/payments/webhook',
    auth: 'public',
    keepTraces: true,
    service: 'payments',
    summary: 'Stripe webhook: the handler verifies the signature over the raw body',
    headers: StripeSignatureHeader,
    body: StripeWebhookEvent,
    responses: { 200: { description: 'Received (also for a duplicate)', schema: WebhookReceived } },
    problems: [400, 503],
  }),
  getOrder: operation({
    method: 'GET',
    path: '/orders/{orderId}',
    auth: 'user-or-order',
    service: 'orders',
    summary:
      "Order status, lines and tickets for its buyer; the whole order for the business's owners and managers",
    pathParams: OrderPathParams,
    responses: { 200: { description: 'The order', schema: Order } },
    problems: [403, 404],
  }),
  cancelOrder: operation({
    method: 'POST',
    path: '/orders/{orderId}/cancel',
    auth: 'user-or-order',
    service: 'orders',
    summary: 'Buyer abandons an unpaid order: its PaymentIntent is canceled, seats released after',
    pathParams: OrderPathParams,
    responses: { 202: { description: 'Cancel requested', schema: CancelOrderResponse } },
    problems: [403, 404, 409],
  }),
  refundOrder: operation({
    method: 'POST',
    path: '/orders/{orderId}/refunds',
    auth: 'user',
    service: 'orders',
    summary: "Full or partial refund by the business's owners and managers",
    pathParams: OrderPathParams,
    headers: RequiredIdempotencyKeyHeader,
    body: RefundOrderRequest,
    responses: { 202: { description: 'Refund created at Stripe', schema: RefundOrderResponse } },
    problems: [400, 403, 404, 409],
  }),
  downloadTicketsPdf: operation({
    method: 'GET',
    path: '/orders/{orderId}/tickets.pdf',
    auth: 'token-or-link',
    service: 'notifications',
    summary:
      "The order's tickets as a PDF, for its order token, the business's owners and managers, or a signed link",
    pathParams: OrderPathParams,
    query: SignedLinkQuery,
    responses: { 200: { description: 'A page per ticket', files: ['application/pdf'] } },
    problems: [400, 403, 404],
  }),
  downloadTicketFile: operation({
    method: 'GET',
    path: '/orders/{orderId}/tickets/{ticketFile}',
    auth: 'token-or-link',
    service: 'notifications',
    summary:
      'One ticket as an Apple Wallet pass (`<ticketId>.pkpass`) or a calendar entry (`.ics`)',
    pathParams: TicketFilePathParams,
    query: SignedLinkQuery,
    responses: {
      200: {
        description: 'The signed pass, or the event as iCalendar',
        files: ['application/vnd.apple.pkpass', 'text/calendar'],
      },
    },
    problems: [400, 403, 404, 503],
  }),
  resendConfirmation: operation({
    method: 'POST',
    path: '/orders/{orderId}/resend',
    auth: 'user-or-order',
    service: 'notifications',
    summary: 'Send the order confirmation, with the tickets as they are now, again (rate-limited)',
    pathParams: OrderPathParams,
    responses: { 202: { description: 'Sent', schema: ResendConfirmationResponse } },
    problems: [403, 404, 409, 429],
  }),
  reissueTicket: operation({
    method: 'POST',
    path: '/orders/{orderId}/tickets/{ticketId}/reissue',
    auth: 'user',
    service: 'ticketing',
    summary:
      'Give a ticket a new code: the old one is refused at the door; the holder is emailed (owners and managers)',
    pathParams: TicketPathParams,
    headers: IdempotencyKeyHeader,
    responses: { 200: { description: 'The new code', schema: ReissueTicketResponse } },
    problems: [403, 404, 409],
  }),
  health: operation({
    method: 'GET',
    path: '/health',
    auth: 'public',
    service: 'ticketing',
    summary: 'Whether the API answers: what health checks (Route 53) call',
    responses: { 200: { description: 'The API is up', schema: HealthResponse } },
    problems: [],
  }),
  listEvents: operation({
    method: 'GET',
    path: '/events',
    auth: 'public',
    service: 'ticketing',
    summary: 'Published events with live availability',
    query: ListEventsQuery,
    responses: { 200: { description: 'A page of events', schema: ListEventsResponse } },
    problems: [400],
  }),
  getEvent: operation({
    method: 'GET',
    path: '/events/{eventId}',
    auth: 'public-or-user',
    service: 'ticketing',
    summary:
      "One published or canceled event; a cancellation's progress for the business's members",
    pathParams: EventPathParams,
    responses: { 200: { description: 'The event', schema: PublicEvent } },
    problems: [404],
  }),
  createEvent: operation({
    method: 'POST',
    path: '/events',
    auth: 'user',
    service: 'ticketing',
    summary: "Create a draft event for one of the caller's businesses (owners and managers)",
    body: CreateEventRequest,
    responses: { 201: { description: 'The draft event', schema: OrganizerEvent } },
    problems: [400, 403, 404],
  }),
  updateEvent: operation({
    method: 'PATCH',
    path: '/events/{eventId}',
    auth: 'user',
    service: 'ticketing',
    summary: 'Change an event (venue, time zone, sale window) or publish it (owners and managers)',
    pathParams: EventPathParams,
    body: UpdateEventRequest,
    responses: { 200: { description: 'The event', schema: OrganizerEvent } },
    problems: [400, 403, 404, 409],
  }),
  cancelEvent: operation({
    method: 'POST',
    path: '/events/{eventId}/cancel',
    auth: 'user',
    service: 'ticketing',
    summary:
      'Cancel a published event (owners and managers): sales stop, every order refunded or canceled',
    pathParams: EventPathParams,
    body: CancelEventRequest,
    responses: { 202: { description: "The cancellation's state", schema: CancelEventResponse } },
    problems: [400, 403, 404, 409],
  }),
  createTicketType: operation({
    method: 'POST',
    path: '/events/{eventId}/ticket-types',
    auth: 'user',
    service: 'ticketing',
    summary: 'Add a tier: price, tax behaviour, capacity, per-order limit (owners and managers)',
    pathParams: EventPathParams,
    body: CreateTicketTypeRequest,
    responses: { 201: { description: 'The ticket type', schema: TicketType } },
    problems: [400, 403, 404, 409],
  }),
  listAttendees: operation({
    method: 'GET',
    path: '/events/{eventId}/attendees',
    auth: 'user',
    service: 'ticketing',
    summary: 'Attendees with check-in status; CSV on Accept: text/csv (any member of the business)',
    pathParams: EventPathParams,
    query: ListAttendeesQuery,
    responses: {
      200: { description: 'Attendees', schema: ListAttendeesResponse, csv: AttendeesCsv },
    },
    problems: [400, 403, 404],
  }),
  listEventOrders: operation({
    method: 'GET',
    path: '/events/{eventId}/orders',
    auth: 'user',
    service: 'orders',
    summary:
      "An event's orders, newest first, by status, buyer email and time placed (owners and managers)",
    pathParams: EventPathParams,
    query: ListEventOrdersQuery,
    responses: { 200: { description: 'A page of orders', schema: ListEventOrdersResponse } },
    problems: [400, 403, 404],
  }),
  getEventSales: operation({
    method: 'GET',
    path: '/events/{eventId}/sales',
    auth: 'user',
    service: 'orders',
    summary:
      'Sold, held, available, checked in and the money, per ticket type and in total (owners and managers)',
    pathParams: EventPathParams,
    responses: { 200: { description: "The event's figures", schema: EventSales } },
    problems: [403, 404],
  }),
  checkIn: operation({
    method: 'POST',
    path: '/events/{eventId}/check-ins',
    auth: 'user',
    service: 'ticketing',
    summary: "Scan a ticket's QR (any member of the business); a second scan is refused with 409",
    pathParams: EventPathParams,
    body: CheckInRequest,
    responses: { 201: { description: 'Admitted', schema: CheckInResponse } },
    problems: [400, 403, 404, 409],
  }),
  getMe: operation({
    method: 'GET',
    path: '/users/me',
    auth: 'user',
    service: 'identity',
    summary: "The caller's profile, groups and businesses",
    responses: { 200: { description: 'The profile', schema: User } },
    problems: [],
  }),
  updateMe: operation({
    method: 'PATCH',
    path: '/users/me',
    auth: 'user',
    service: 'identity',
    summary: "Change the caller's profile",
    body: UpdateUserRequest,
    responses: { 200: { description: 'The profile', schema: User } },
    problems: [400],
  }),
  createBusiness: operation({
    method: 'POST',
    path: '/businesses',
    auth: 'user',
    service: 'identity',
    summary: 'Create a business owned by the caller',
    body: CreateBusinessRequest,
    responses: { 201: { description: 'The business', schema: Business } },
    problems: [400],
  }),
  getBusiness: operation({
    method: 'GET',
    path: '/businesses/{businessId}',
    auth: 'user',
    service: 'identity',
    summary: 'A business the caller belongs to, in any role (any other answers 404)',
    pathParams: BusinessPathParams,
    responses: { 200: { description: 'The business', schema: Business } },
    problems: [404],
  }),
  listMyBusinesses: operation({
    method: 'GET',
    path: '/businesses',
    auth: 'user',
    service: 'identity',
    summary: "The caller's businesses, with their role in each",
    responses: { 200: { description: 'The businesses', schema: ListMyBusinessesResponse } },
    problems: [],
  }),
  listBusinessEvents: operation({
    method: 'GET',
    path: '/businesses/{businessId}/events',
    auth: 'user',
    service: 'ticketing',
    summary: "A business's events, drafts included, for any of its members",
    pathParams: BusinessPathParams,
    query: ListEventsQuery,
    responses: { 200: { description: 'A page of events', schema: ListBusinessEventsResponse } },
    problems: [400, 404],
  }),
  listMembers: operation({
    method: 'GET',
    path: '/businesses/{businessId}/members',
    auth: 'user',
    service: 'identity',
    summary: "A business's members and open invitations (owners)",
    pathParams: BusinessPathParams,
    responses: { 200: { description: 'Members and invitations', schema: ListMembersResponse } },
    problems: [403, 404],
  }),
  addMember: operation({
    method: 'POST',
    path: '/businesses/{businessId}/members',
    auth: 'user',
    service: 'identity',
    summary:
      'Add a member by email (owners): a verified user at once, anyone else by an emailed invitation',
    pathParams: BusinessPathParams,
    body: AddMemberRequest,
    responses: {
      200: { description: 'The same email was added before, with this role', schema: Member },
      201: { description: 'The member, or the invitation sent', schema: Member },
    },
    problems: [400, 403, 404, 409],
  }),
  changeMemberRole: operation({
    method: 'PATCH',
    path: '/businesses/{businessId}/members/{userId}',
    auth: 'user',
    service: 'identity',
    summary: "Change a member's role (owners); the last owner cannot be demoted (409)",
    pathParams: MemberPathParams,
    body: ChangeMemberRoleRequest,
    responses: { 200: { description: 'The member', schema: Member } },
    problems: [400, 403, 404, 409],
  }),
  removeMember: operation({
    method: 'DELETE',
    path: '/businesses/{businessId}/members/{userId}',
    auth: 'user',
    service: 'identity',
    summary: 'Remove a member (owners); the last owner cannot be removed (409)',
    pathParams: MemberPathParams,
    responses: { 204: { description: 'Removed: refused from their next request on' } },
    problems: [403, 404, 409],
  }),
  cancelInvitation: operation({
    method: 'DELETE',
    path: '/businesses/{businessId}/invitations/{invitationId}',
    auth: 'user',
    service: 'identity',
    summary: 'Withdraw an invitation that was not accepted yet (owners)',
    pathParams: InvitationPathParams,
    responses: { 204: { description: 'Withdrawn' } },
    problems: [403, 404],
  }),
} satisfies Record<string, Operation>;

export type OperationName = keyof typeof operations;

type RouteOf<O extends Operation> = Pick<O, 'method' | 'path' | 'auth'> &
  Pick<HttpRoute, 'keepTraces'>;

/**
 * The same table reduced to what a manifest's `http` takes, e.g.
 * `http: routes.createPaymentIntent` (the manifest schema refuses extra keys).
 */
export const routes = Object.fromEntries(
  Object.entries(operations as Record<string, Operation>).map(
    ([name, { method, path, auth, keepTraces }]) => [
      name,
      { method, path, auth, ...(keepTraces && { keepTraces }) },
    ],
  ),
) as { [N in OperationName]: RouteOf<(typeof operations)[N]> };
