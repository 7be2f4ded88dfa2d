import { createHash } from 'node:crypto';

/**
 * One invitation per business and email: the id is derived from both, so inviting the same email
 * again finds the same invitation (a conditional write) instead of sending another.
 */
export const invitationIdFor = (businessId: string, email: string) =>
  `inv_${createHash('sha256').update(`${businessId}\n${email}`).digest('hex').slice(0, 32)}`;
