import { environmentOf } from '@mytabs/lambda-kit';
import * as z from 'zod';

/** What notifications' functions read from their environment besides the platform's names. */
export const env = environmentOf({
  /** `noreply@<domain>`: the plan sets it for every `uses.email` function. */
  EMAIL_FROM: z.email(),
  /** The stage's SES configuration set: its events tell us of bounces and complaints. */
  EMAIL_CONFIGURATION_SET: z.string().min(1),
});

/** The buyers' ticket site, `https://ticket.<domain>`, on the domain the emails come from. */
export const ticketSiteUrl = () => `https://ticket.${env('EMAIL_FROM').split('@')[1]}`;

/**
 * The API as buyers reach it, `https://api.<domain>`: where the emails' download links point
 * (locally the API answers the same paths at :3000).
 */
export const apiUrl = () => `https://api.${env('EMAIL_FROM').split('@')[1]}`;
