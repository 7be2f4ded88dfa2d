import { AttendeesRecorded } from './attendees-recorded.ts';
import { BusinessCreated } from './business-created.ts';
import { CheckedIn } from './checked-in.ts';
import type { EventContract } from './define-event.ts';
import { EmailBounced } from './email-bounced.ts';
import { EmailComplained } from './email-complained.ts';
import { EmailSent } from './email-sent.ts';
import { EventCanceled } from './event-canceled.ts';
import { EventChanged } from './event-changed.ts';
import { EventPublished } from './event-published.ts';
import { HoldExpired } from './hold-expired.ts';
import { HoldReleased } from './hold-released.ts';
import { InvitationCanceled } from './invitation-canceled.ts';
import { MemberAdded } from './member-added.ts';
import { MemberInvited } from './member-invited.ts';
import { MemberRemoved } from './member-removed.ts';
import { MemberRoleChanged } from './member-role-changed.ts';
import { OrderCanceled } from './order-canceled.ts';
import { OrderFailed } from './order-failed.ts';
import { OrderFulfilled } from './order-fulfilled.ts';
import { OrderPlaced } from './order-placed.ts';
import { OrderRefunded } from './order-refunded.ts';
import { PaymentCanceled } from './payment-canceled.ts';
import { PaymentDisputed } from './payment-disputed.ts';
import { PaymentFailed } from './payment-failed.ts';
import { PaymentRefunded } from './payment-refunded.ts';
import { PaymentSucceeded } from './payment-succeeded.ts';
import { SeatsHeld } from './seats-held.ts';
import { TicketReissued } from './ticket-reissued.ts';
import { TicketsIssued } from './tickets-issued.ts';
import { TicketsVoided } from './tickets-voided.ts';
import { UserRegistered } from './user-registered.ts';

export {
  AttendeesRecorded,
  BusinessCreated,
  CheckedIn,
  EmailBounced,
  EmailComplained,
  EmailSent,
  EventCanceled,
  EventChanged,
  EventPublished,
  HoldExpired,
  HoldReleased,
  InvitationCanceled,
  MemberAdded,
  MemberInvited,
  MemberRemoved,
  MemberRoleChanged,
  OrderCanceled,
  OrderFailed,
  OrderFulfilled,
  OrderPlaced,
  OrderRefunded,
  PaymentCanceled,
  PaymentDisputed,
  PaymentFailed,
  PaymentRefunded,
  PaymentSucceeded,
  SeatsHeld,
  TicketReissued,
  TicketsIssued,
  TicketsVoided,
  UserRegistered,
};

/** Every domain event of the system, by detail type. */
export const catalog = {
  OrderPlaced,
  SeatsHeld,
  HoldExpired,
  HoldReleased,
  PaymentSucceeded,
  PaymentFailed,
  PaymentCanceled,
  PaymentRefunded,
  PaymentDisputed,
  TicketsIssued,
  AttendeesRecorded,
  OrderFulfilled,
  OrderCanceled,
  OrderFailed,
  OrderRefunded,
  TicketsVoided,
  TicketReissued,
  EmailSent,
  EmailBounced,
  EmailComplained,
  CheckedIn,
  UserRegistered,
  BusinessCreated,
  EventPublished,
  EventChanged,
  EventCanceled,
  MemberInvited,
  MemberAdded,
  MemberRoleChanged,
  MemberRemoved,
  InvitationCanceled,
} satisfies Record<string, EventContract>;

export type CatalogEventName = keyof typeof catalog;
export const eventNames: ReadonlySet<string> = new Set(Object.keys(catalog));
