import type { BusinessAccess } from '@mytabs/contracts';
import { HttpProblem } from './http-result.ts';

/**
 * Answers what the domain decided of a caller's access to a business: a non-member is told the
 * thing does not exist (`notFound`, 404), never that it belongs to someone else; a member whose
 * role does not allow it gets 403.
 */
export const refuseUnlessAllowed = (access: BusinessAccess, notFound: string) => {
  if (access === 'not-member') throw new HttpProblem(404, notFound);
  if (access === 'forbidden') {
    throw new HttpProblem(403, 'Your role in this business does not allow this.', {
      code: 'role-forbids',
    });
  }
};
