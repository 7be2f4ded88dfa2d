import * as z from 'zod';
import type { Principal } from '../http/principal.ts';

/** A member's role in a business. */
export const Role = z.enum(['owner', 'manager', 'staff']);
export type Role = z.infer<typeof Role>;

/**
 * What a member may do in their business: one row each of the table in the identity service's
 * README (`services/identity/README.md`), which a test keeps equal to `rolePermissions`.
 */
export const Permission = z.enum([
  'business',
  'members',
  'events',
  'ticketTypes',
  'orders',
  'refunds',
  'attendees',
  'sales',
  'checkIn',
]);
export type Permission = z.infer<typeof Permission>;

export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(Permission.options),
  /** Everything but the team itself. */
  manager: new Set(Permission.options.filter((p) => p !== 'members')),
  staff: new Set(['business', 'attendees', 'checkIn']),
};

/**
 * `not-member` is answered as 404 (another business's data does not exist for the caller),
 * `forbidden` as 403: a member is told their role does not allow it.
 */
export type BusinessAccess = 'allowed' | 'forbidden' | 'not-member';

/** What the memberships the authorizer passed allow the caller in one business. */
export const businessAccess = (
  principal: Principal | undefined,
  businessId: string,
  permission: Permission,
): BusinessAccess => {
  if (principal?.principalType !== 'user') return 'not-member';
  const membership = principal.memberships.find((m) => m.businessId === businessId);
  if (!membership) return 'not-member';
  return rolePermissions[membership.role].has(permission) ? 'allowed' : 'forbidden';
};
