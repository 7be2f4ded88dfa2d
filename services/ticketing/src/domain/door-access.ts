import type { Principal } from '@mytabs/contracts';

/**
 * Who may scan tickets at an event's door: its business's owners and staff. Anyone else is told
 * the event does not exist (404), as for every organizer route.
 */
export const canCheckIn = (principal: Principal | undefined, businessId: string) =>
  principal?.principalType === 'user' &&
  principal.memberships.some((m) => m.businessId === businessId);
