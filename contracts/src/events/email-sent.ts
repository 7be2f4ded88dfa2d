import * as z from 'zod';
import { OrderId } from '../ids.ts';
import { defineEvent } from './define-event.ts';

export const EmailSent = defineEvent({
  source: 'mytabs.notifications',
  detailType: 'EmailSent',
  version: 1,
  description: 'SES accepted an email (sent exactly once per order and template).',
  data: z.object({
    template: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, 'must be a kebab-case template name, e.g. order-confirmation'),
    to: z.email(),
    /** SES's MessageId. */
    messageId: z.string().min(1),
    orderId: OrderId.optional(),
  }),
  examples: [
    {
      template: 'order-confirmation',
      to: 'ana@example.com',
      messageId: '0100019366d1a1b2-5f3c4d2e-1a2b-4c3d-9e8f-7a6b5c4d3e2f-000000',
      orderId: 'ord_01JD8ZK6X2Q4',
    },
  ],
});
