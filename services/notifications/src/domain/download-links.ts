import type { TicketFileFormat } from '@mytabs/contracts';
import { signedQuery } from './signed-link.ts';

export const ticketsPdfPath = (orderId: string) => `/orders/${orderId}/tickets.pdf`;
export const ticketFilePath = (orderId: string, ticketId: string, format: TicketFileFormat) =>
  `/orders/${orderId}/tickets/${ticketId}.${format}`;

/** What an email links to: the PDF, and per ticket its wallet pass and calendar entry. */
export interface DownloadLinks {
  pdf: string;
  tickets: Record<string, { pkpass: string; ics: string }>;
  /** One "Save to Google Wallet" link for every ticket of the order (none until configured). */
  googleWallet?: string | undefined;
}

/** Links signed until `expires`, on the API (`https://api.<domain>`), that open without a token. */
export const downloadLinks = (
  apiUrl: string,
  orderId: string,
  ticketIds: readonly string[],
  expires: Date,
  key: string,
  googleWallet: string | undefined,
): DownloadLinks => {
  const link = (path: string) => `${apiUrl}${path}?${signedQuery(path, expires, key)}`;
  return {
    pdf: link(ticketsPdfPath(orderId)),
    tickets: Object.fromEntries(
      ticketIds.map((id) => [
        id,
        {
          pkpass: link(ticketFilePath(orderId, id, 'pkpass')),
          ics: link(ticketFilePath(orderId, id, 'ics')),
        },
      ]),
    ),
    googleWallet,
  };
};
