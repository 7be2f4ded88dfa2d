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
  secrets: ['stripe-secret-key', 'stripe-webhook-secret'],
  functions: {
    createTaxLocation: {
      entry: 'src/handlers/create-tax-location.ts',
      invokedBy: ['ticketing'],
      uses: { secrets: ['stripe-secret-key'] },
    },
    cancelPayment: {
      entry: 'src/handlers/cancel-payment.ts',
      invokedBy: ['orders'],
      uses: { table: 'read', secrets: ['stripe-secret-key'] },
    },
    refundPayment: {
      entry: 'src/handlers/refund-payment.ts',
      invokedBy: ['orders'],
      uses: { table: 'write', secrets: ['stripe-secret-key'] },
    },
  },
});
