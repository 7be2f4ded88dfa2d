import { defineManifest } from '@mytabs/contracts';

/** orders: the Order aggregate and the OrderFulfillment workflow. */
export const manifest = defineManifest({
  service: 'orders',
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
