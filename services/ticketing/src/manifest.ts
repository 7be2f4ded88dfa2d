import { defineManifest } from '@mytabs/contracts';

/** ticketing: events, ticket types, seat holds, tickets, attendees and check-in. */
export const manifest = defineManifest({
  service: 'ticketing',
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
