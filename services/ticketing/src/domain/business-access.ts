import type { Principal } from '@mytabs/contracts';

/**
 * Whether a principal may change a business's events: an organizer of that business. Anyone else
 * is told the event does not exist (404), never that it belongs to someone else.
 */
export const canManage = (principal: Principal | undefined, businessId: string) =>
  principal?.principalType === 'user' &&
  principal.groups.includes('organizer') &&
  principal.memberships.some((m) => m.businessId === businessId && m.role === 'organizer');
