import {
  InvitationCanceled,
  MemberAdded,
  MemberInvited,
  MemberRemoved,
  MemberRoleChanged,
} from '@mytabs/contracts';
import type { InvitationRecord, MembershipRecord } from './membership.ts';

/**
 * Each membership fact's event, keyed by the fact as stored (never by a request): a repeated
 * request publishes the same key again, and consumers keep one.
 */
export const memberAdded = (m: MembershipRecord, correlationId: string) =>
  MemberAdded.build(
    {
      businessId: m.businessId,
      userId: m.userId,
      ...(m.email && { email: m.email }),
      role: m.role,
      ...(m.addedBy && { addedBy: m.addedBy }),
      ...(m.invitationId && { invitationId: m.invitationId }),
      addedAt: m.addedAt,
    },
    { idempotencyKey: `MemberAdded:${m.businessId}:${m.userId}:${m.addedAt}`, correlationId },
  );

/** Of a membership whose role changed at least once: its latest change. */
export const memberRoleChanged = (m: MembershipRecord, correlationId: string) =>
  MemberRoleChanged.build(
    {
      businessId: m.businessId,
      userId: m.userId,
      role: m.role,
      previousRole: m.previousRole ?? m.role,
      changedBy: m.roleChangedBy ?? '',
      change: m.roleChanges,
    },
    {
      idempotencyKey: `MemberRoleChanged:${m.businessId}:${m.userId}:${m.addedAt}:${m.roleChanges}`,
      correlationId,
    },
  );

export const memberRemoved = (m: MembershipRecord, removedBy: string, correlationId: string) =>
  MemberRemoved.build(
    { businessId: m.businessId, userId: m.userId, role: m.role, removedBy, addedAt: m.addedAt },
    { idempotencyKey: `MemberRemoved:${m.businessId}:${m.userId}:${m.addedAt}`, correlationId },
  );

export const memberInvited = (i: InvitationRecord, correlationId: string) =>
  MemberInvited.build(
    {
      businessId: i.businessId,
      invitationId: i.invitationId,
      email: i.email,
      role: i.role,
      invitedBy: i.invitedBy,
      invitedAt: i.invitedAt,
    },
    { idempotencyKey: `MemberInvited:${i.invitationId}:${i.invitedAt}`, correlationId },
  );

export const invitationCanceled = (
  i: InvitationRecord,
  canceledBy: string,
  correlationId: string,
) =>
  InvitationCanceled.build(
    {
      businessId: i.businessId,
      invitationId: i.invitationId,
      email: i.email,
      canceledBy,
      invitedAt: i.invitedAt,
    },
    { idempotencyKey: `InvitationCanceled:${i.invitationId}:${i.invitedAt}`, correlationId },
  );
