import { defineManifest } from '@mytabs/contracts';

/** notifications: emails sent through SES, each exactly once. */
export const manifest = defineManifest({
  service: 'notifications',
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
