import type { Membership, User } from '@mytabs/contracts';
import type { UserRecord } from './user-record.ts';

/** A profile as the API shows it, with the groups of the caller's token. */
export const toUser = (profile: UserRecord, groups: string[], memberships: Membership[]): User =>
  ({
    userId: profile.userId,
    email: profile.email,
    ...(profile.name && { name: profile.name }),
    ...(profile.phone && { phone: profile.phone }),
    groups: groups.filter((g) => ['organizer', 'staff', 'admin'].includes(g)),
    businesses: memberships,
  }) as User;
