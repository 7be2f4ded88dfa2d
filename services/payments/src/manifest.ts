import { defineManifest } from '@mytabs/contracts';

/** payments: tax quotes, PaymentIntents, Stripe webhook ingestion and refunds. */
export const manifest = defineManifest({
  service: 'payments',
  table: {
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    indexes: [
      {
        name: 'byBusiness',
        partitionKey: { name: 'businessId', type: 'S' },
        sortKey: { name: 'sk', type: 'S' },
      },
    ],
  },
});
