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
  functions: {
    createOrder: {
      entry: 'src/handlers/create-order.ts',
      invokedBy: ['payments'],
      uses: { table: 'write', bus: true, invoke: ['identity.issueOrderToken'] },
    },
    markPaid: {
      entry: 'src/handlers/mark-paid.ts',
      invokedBy: ['orders'],
      uses: { table: 'write', bus: true },
    },
    markFulfilled: {
      entry: 'src/handlers/mark-fulfilled.ts',
      invokedBy: ['orders'],
      uses: { table: 'write', bus: true },
    },
    markFailed: {
      entry: 'src/handlers/mark-failed.ts',
      invokedBy: ['orders'],
      uses: { table: 'write', bus: true },
    },
  },
});
