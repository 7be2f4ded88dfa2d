import { createHmac } from 'node:crypto';

/**
 * The `Stripe-Signature` header of one delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<payload>" keyed with the endpoint's whole `whsec_` secret>`, what
 * `stripe.webhooks.constructEvent` verifies.
 */
export const signatureHeader = (payload: string, secret: string, timestampS: number) => {
  const signature = createHmac('sha256', secret)
    .update(`${timestampS}.${payload}`, 'utf8')
    .digest('hex');
  return `t=${timestampS},v1=${signature}`;
};
