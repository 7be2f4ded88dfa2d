import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const randomAlphanumeric = (length: number) =>
  Array.from(randomBytes(length), (byte) => ALPHABET[byte % ALPHABET.length]).join('');

/** A Stripe-looking id: `pi_3QxY...`, 24 alphanumerics after the prefix. */
export const stripeId = (prefix: string) => `${prefix}_${randomAlphanumeric(24)}`;

/** The secret part of a PaymentIntent's `client_secret` (`pi_x_secret_y`). */
export const secretSuffix = () => randomAlphanumeric(25);

/** `Request-Id` of one API request, as Stripe spells it. */
export const requestId = () => `req_${randomAlphanumeric(14)}`;

/** A webhook signing secret as `stripe listen` prints one. */
export const webhookSecret = () => `whsec_${randomAlphanumeric(32)}`;
