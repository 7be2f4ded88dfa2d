import { defineManifest, routes } from '@mytabs/contracts';

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
    calculateTax: {
      entry: 'src/handlers/calculate-tax.ts',
      http: routes.calculateTax,
      uses: {
        table: ['GetItem', 'PutItem'],
        secrets: ['stripe-secret-key'],
        invoke: ['ticketing.priceCart'],
      },
    },
    createPaymentIntent: {
      entry: 'src/handlers/create-payment-intent.ts',
      // Two Stripe calls and three synchronous invokes in a row: Stripe alone can take seconds at
      // its p99, so this one gets 20 s (still inside API Gateway's 29 s), not the default 10.
      timeoutS: 20,
      http: routes.createPaymentIntent,
      uses: {
        // UpdateItem: the Idempotency-Key's own record gets its answer; DeleteItem too: Powertools
        // idempotency drops its in-flight record when a request fails, so a retry runs again.
        table: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
        secrets: ['stripe-secret-key'],
        invoke: ['ticketing.priceCart', 'ticketing.holdSeats', 'orders.createOrder'],
      },
    },
    stripeWebhook: {
      entry: 'src/handlers/stripe-webhook.ts',
      http: routes.stripeWebhook,
      uses: {
        table: ['GetItem', 'PutItem'],
        bus: true,
        secrets: ['stripe-secret-key', 'stripe-webhook-secret'],
      },
    },
    commitTaxTransaction: {
      entry: 'src/handlers/commit-tax-transaction.ts',
      subscribe: { events: ['PaymentSucceeded'], retryAttempts: 2, maxEventAgeS: 21_600 },
      uses: { table: ['GetItem', 'PutItem'], secrets: ['stripe-secret-key'] },
    },
    reverseTaxOnRefund: {
      entry: 'src/handlers/reverse-tax-on-refund.ts',
      subscribe: { events: ['PaymentRefunded'], retryAttempts: 2, maxEventAgeS: 21_600 },
      uses: { table: ['GetItem', 'PutItem'], secrets: ['stripe-secret-key'] },
    },
    cancelOnHoldExpired: {
      entry: 'src/handlers/cancel-on-hold-expired.ts',
      subscribe: { events: ['HoldExpired'], retryAttempts: 2, maxEventAgeS: 3600 },
      uses: { table: ['GetItem'], bus: true, secrets: ['stripe-secret-key'] },
    },
    createTaxLocation: {
      entry: 'src/handlers/create-tax-location.ts',
      invokedBy: ['ticketing'],
      uses: { secrets: ['stripe-secret-key'] },
    },
    cancelPayment: {
      entry: 'src/handlers/cancel-payment.ts',
      invokedBy: ['orders'],
      uses: { table: ['GetItem'], secrets: ['stripe-secret-key'] },
    },
    refundPayment: {
      entry: 'src/handlers/refund-payment.ts',
      invokedBy: ['orders'],
      timeoutS: 20,
      uses: { table: ['GetItem'], secrets: ['stripe-secret-key'] },
    },
  },
});
