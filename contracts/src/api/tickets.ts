import * as z from 'zod';
import { OrderId, TicketId } from '../ids.ts';

export const TicketPathParams = z.object({ orderId: OrderId, ticketId: TicketId });

export const ReissueTicketResponse = z.object({
  ticketId: TicketId,
  orderId: OrderId,
  /** How many times the ticket was reissued, this time included. */
  generation: z.number().int().min(1),
  /** The new code; every earlier one is refused at the door from now on. */
  qr: z.string(),
});

/** The files a ticket downloads as: an Apple Wallet pass or a calendar entry. */
export const TicketFileFormat = z.enum(['pkpass', 'ics']);
export type TicketFileFormat = z.infer<typeof TicketFileFormat>;

/**
 * `<ticketId>.pkpass` or `<ticketId>.ics`: API Gateway path parts are whole `{param}`s, so the
 * suffix travels inside the parameter and is split off here.
 */
export const TicketFilePathParams = z.object({
  orderId: OrderId,
  ticketFile: z
    .string()
    .regex(/^tkt_[A-Za-z0-9_]{4,}\.(pkpass|ics)$/, 'must be <ticketId>.pkpass or <ticketId>.ics')
    .transform((file) => {
      const dot = file.lastIndexOf('.');
      return {
        ticketId: TicketId.parse(file.slice(0, dot)),
        format: TicketFileFormat.parse(file.slice(dot + 1)),
      };
    }),
});

/**
 * A download link that works without a header (an email's): the time it stops working and a
 * signature, by notifications, over the path and that time.
 */
export const SignedLinkQuery = z.object({
  expires: z.coerce.number().int().positive().optional().meta({
    description: 'Unix seconds after which the signed link is refused',
  }),
  signature: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .optional()
    .meta({ description: 'The link signature (base64url HMAC-SHA256)' }),
});

export const ResendConfirmationResponse = z.object({
  status: z.enum(['sent']),
  messageId: z.string(),
  /** When the order may ask again. */
  nextAllowedAt: z.iso.datetime(),
});
