import { IssueOrderTokenInvocation } from '@mytabs/contracts';
import { invoke } from '@mytabs/lambda-kit';
import { apiUrl, ticketSiteUrl } from '../config.ts';
import { downloadLinks } from '../domain/download-links.ts';
import { orderLinkValidUntil } from '../domain/event-time.ts';
import { orderConfirmationEmail } from '../domain/order-confirmation-template.ts';
import { orderPageUrl } from '../domain/order-page-url.ts';
import type { OrderTickets } from '../domain/order-tickets.ts';
import { walletTickets } from '../domain/ticket-documents.ts';
import { googleWalletLink } from './google-wallet-link.ts';
import { downloadLinkKey, googleWalletServiceAccount } from './wallet-credentials.ts';

/**
 * The signed links an email gives to the order's files, valid as long as its link to the order
 * (a week past the event, a year at most): an email is opened long after it is sent.
 */
export const ticketLinks = async (kept: Pick<OrderTickets, 'order' | 'tickets' | 'event'>) => {
  const account = await googleWalletServiceAccount();
  return downloadLinks(
    apiUrl(),
    kept.order.orderId,
    kept.tickets.map((t) => t.ticketId),
    new Date(orderLinkValidUntil(kept.event)),
    await downloadLinkKey(),
    account && (await googleWalletLink(walletTickets(kept), account, [ticketSiteUrl()])),
  );
};

/** The confirmation of an order's tickets as they are now, with its order link and file links. */
export const confirmationMessage = async (
  kept: Pick<OrderTickets, 'order' | 'tickets' | 'event'>,
) => {
  const { orderToken } = await invoke(IssueOrderTokenInvocation, {
    orderId: kept.order.orderId,
    validUntil: orderLinkValidUntil(kept.event),
  });
  return orderConfirmationEmail({
    ...kept,
    orderUrl: orderPageUrl(ticketSiteUrl(), kept.order.orderId, orderToken),
    links: await ticketLinks(kept),
  });
};
