import type { Role } from '@mytabs/contracts';

/** A user's membership of a business, as identity keeps it. */
export interface MembershipRecord {
  businessId: string;
  userId: string;
  /** Lower-cased; unknown only for a creator whose tokens never carried one. */
  email?: string;
  role: Role;
  addedAt: string;
  /** The owner who added or invited them; absent for the business's creator. */
  addedBy?: string;
  invitationId?: string;
  /** How many times the role changed: each change's event is keyed by it. */
  roleChanges: number;
  previousRole?: Role;
  roleChangedBy?: string;
}

/** An invitation of an email that had no verified account when an owner added it. */
export interface InvitationRecord {
  businessId: string;
  invitationId: string;
  /** Lower-cased. */
  email: string;
  role: Role;
  invitedBy: string;
  invitedAt: string;
  /** Set once the invitation email went out: a repeat of the same invitation sends none. */
  emailSentAt?: string;
}

/** The membership an addition or an accepted invitation starts. */
export const newMembership = (
  fields: Pick<MembershipRecord, 'businessId' | 'userId' | 'role'> &
    Partial<Pick<MembershipRecord, 'email' | 'addedBy' | 'invitationId'>>,
  now = new Date(),
): MembershipRecord => ({ ...fields, addedAt: now.toISOString(), roleChanges: 0 });

/**
 * The same email added again answers what is stored: 201 when this request created it, 200 for
 * a repeat with the same role, a conflict when the role differs (change it with PATCH instead).
 */
export const additionAnswer = (created: boolean, storedRole: Role, requestedRole: Role) =>
  created ? 201 : storedRole === requestedRole ? 200 : 'conflict';
