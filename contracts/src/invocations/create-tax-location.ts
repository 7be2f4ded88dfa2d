import * as z from 'zod';
import { Venue } from '../address.ts';
import { TaxLocationId } from '../ids.ts';
import { defineInvocation } from './define-invocation.ts';

/** `payments.createTaxLocation`: a Stripe Tax performance location for an event's venue. */
export const CreateTaxLocationInvocation = defineInvocation({
  ref: 'payments.createTaxLocation',
  request: z.object({ venue: Venue, eventId: z.string().min(1) }),
  response: z.object({ taxLocationId: TaxLocationId }),
});
