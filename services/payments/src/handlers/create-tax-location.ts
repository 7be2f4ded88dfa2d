import { createHash } from 'node:crypto';
import { CreateTaxLocationInvocation } from '@mytabs/contracts';
import { invocationHandler } from '@mytabs/lambda-kit';
import { stripeClient } from '../adapters/stripe-client.ts';

/**
 * `payments.createTaxLocation`, for ticketing: a Stripe Tax performance location for a venue,
 * since admission is taxed where the event takes place. Keyed by event so a retry makes one.
 */
export const handler = invocationHandler(
  CreateTaxLocationInvocation,
  async ({ eventId, venue }) => {
    const stripe = await stripeClient();
    const location = await stripe.tax.locations.create(
      {
        type: 'performance',
        description: venue.name,
        address: {
          line1: venue.line1,
          ...(venue.line2 && { line2: venue.line2 }),
          city: venue.city,
          ...(venue.state && { state: venue.state }),
          postal_code: venue.postalCode,
          country: venue.country,
        },
      },
      {
        idempotencyKey: `taxloc:${eventId}:${createHash('sha256').update(JSON.stringify(venue)).digest('hex')}`,
      },
    );
    return { taxLocationId: location.id };
  },
);
