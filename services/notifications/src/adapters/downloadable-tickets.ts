import type { Principal } from '@mytabs/contracts';
import { documentClient, HttpProblem, refuseUnlessAllowed, tableName } from '@mytabs/lambda-kit';
import { downloadAccess } from '../domain/download-access.ts';
import { linkIsValid } from '../domain/signed-link.ts';
import { orderTicketsRepository } from './order-tickets-repository.ts';
import { downloadLinkKey } from './wallet-credentials.ts';

const NOT_FOUND = 'No such order, or it has no tickets yet.';

/**
 * The order's tickets for a caller allowed them (its order token, the business's owners and
 * managers, a valid signed link for this path), or the problem to answer: 401 with no credentials
 * (before saying whether the order exists), 404 for a stranger or an order without tickets.
 */
export const downloadableTickets = async (request: {
  orderId: string;
  principal: Principal | undefined;
  path: string;
  link: { expires?: number | undefined; signature?: string | undefined };
}) => {
  const signed = request.link.signature !== undefined || request.link.expires !== undefined;
  const validLink =
    signed && linkIsValid(request.path, request.link, await downloadLinkKey(), new Date());
  if (!request.principal && !validLink) {
    throw new HttpProblem(
      401,
      signed
        ? 'This download link is not valid any more: open the order page for a new one.'
        : 'Use the order token (Authorization: Bearer), sign in, or open the link from the email.',
    );
  }
  const kept = await orderTicketsRepository(documentClient(), tableName()).find(request.orderId);
  if (!kept) throw new HttpProblem(404, NOT_FOUND);
  const access = downloadAccess(request.principal, kept.order, validLink);
  if (access === 'unauthenticated') throw new HttpProblem(401, 'Sign in to do this.');
  refuseUnlessAllowed(access, NOT_FOUND);
  return kept;
};
