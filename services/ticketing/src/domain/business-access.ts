import type { Principal } from '@mytabs/contracts';

/**
 * Whether a principal may change a business's events: its owner. Anyone else is told the event
 * does not exist (404), never that it belongs to someone else.
 */
export const canManage = (principal: Principal | undefined, businessId: string) =>
  principal?.principalType === 'user' &&
  principal.memberships.some((m) => m.businessId === businessId && m.role === 'owner');
