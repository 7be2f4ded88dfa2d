import { randomUUID } from 'node:crypto';
import * as z from 'zod';

/**
 * Prefixed ids as branded types, so an OrderId cannot be passed where an EventId is expected.
 * Never `evt_`: that prefix is Stripe's.
 */
const prefixedId = <Brand extends string>(prefix: string, brand: Brand) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}_[A-Za-z0-9_]{4,}$`), `must be an id starting with ${prefix}_`)
    .brand<Brand>()
    .meta({ title: brand });

export const OrderId = prefixedId('ord', 'OrderId');
export type OrderId = z.infer<typeof OrderId>;
export const EventId = prefixedId('ev', 'EventId');
export type EventId = z.infer<typeof EventId>;
export const TicketTypeId = prefixedId('tt', 'TicketTypeId');
export type TicketTypeId = z.infer<typeof TicketTypeId>;
export const TicketId = prefixedId('tkt', 'TicketId');
export type TicketId = z.infer<typeof TicketId>;
export const BusinessId = prefixedId('biz', 'BusinessId');
export type BusinessId = z.infer<typeof BusinessId>;
export const UserId = prefixedId('usr', 'UserId');
export type UserId = z.infer<typeof UserId>;
export const InvitationId = prefixedId('inv', 'InvitationId');
export type InvitationId = z.infer<typeof InvitationId>;

const generators = {
  ord: OrderId,
  ev: EventId,
  tt: TicketTypeId,
  biz: BusinessId,
  usr: UserId,
} as const;
type Generated = { [P in keyof typeof generators]: z.infer<(typeof generators)[P]> };

/** A new random id with its prefix, e.g. `newId('ord')` → `ord_5f0c…` (32 hex digits). */
export const newId = <P extends keyof typeof generators>(prefix: P): Generated[P] =>
  generators[prefix].parse(`${prefix}_${randomUUID().replaceAll('-', '')}`) as Generated[P];

/**
 * Ticket ids are deterministic (order, line, unit index), so issuing twice writes the same items
 * and `attribute_not_exists` makes the second write a no-op.
 */
export const ticketIdFor = (orderId: OrderId, line: number, unit: number): TicketId =>
  TicketId.parse(`tkt_${orderId}_${line}_${unit}`);

/** Stripe's own ids, kept as Stripe spells them. */
export const PaymentIntentId = z.string().regex(/^pi_[A-Za-z0-9]+$/, 'must be a pi_ id');
export const ChargeId = z.string().regex(/^ch_[A-Za-z0-9]+$/, 'must be a ch_ id');
export const RefundId = z.string().regex(/^re_[A-Za-z0-9]+$/, 'must be a re_ id');
export const DisputeId = z.string().regex(/^dp_[A-Za-z0-9]+$/, 'must be a dp_ id');
export const StripeEventId = z.string().regex(/^evt_[A-Za-z0-9]+$/, 'must be an evt_ id');
export const TaxCalculationId = z.string().regex(/^taxcalc_[A-Za-z0-9]+$/, 'must be a taxcalc_ id');
export const TaxLocationId = z.string().regex(/^taxloc_[A-Za-z0-9]+$/, 'must be a taxloc_ id');
