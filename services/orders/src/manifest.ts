import { defineManifest, routes } from '@mytabs/contracts';

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
      {
        name: 'byEvent',
        partitionKey: { name: 'eventId', type: 'S' },
        sortKey: { name: 'createdAt', type: 'S' },
      },
    ],
  },
  functions: {
    createOrder: {
      entry: 'src/handlers/create-order.ts',
      invokedBy: ['payments'],
      // GetItem: a repeat finds the stored order; each effect record is read before it is written.
      uses: { table: ['GetItem', 'PutItem'], bus: true, invoke: ['identity.issueOrderToken'] },
    },
    markPaid: {
      entry: 'src/handlers/mark-paid.ts',
      invokedBy: ['orders'],
      // Every change of an order is a PutItem of the whole order, conditional on the version read.
      uses: { table: ['GetItem', 'PutItem'], bus: true },
    },
    markFulfilled: {
      entry: 'src/handlers/mark-fulfilled.ts',
      invokedBy: ['orders'],
      uses: { table: ['GetItem', 'PutItem'], bus: true },
    },
    markFailed: {
      entry: 'src/handlers/mark-failed.ts',
      invokedBy: ['orders'],
      uses: { table: ['GetItem', 'PutItem'], bus: true },
    },
    listEventBuyers: {
      entry: 'src/handlers/list-event-buyers.ts',
      invokedBy: ['notifications'],
      uses: { table: ['Query'] },
    },
    getOrderBuyer: {
      entry: 'src/handlers/get-order-buyer.ts',
      invokedBy: ['notifications'],
      uses: { table: ['GetItem'] },
    },
    getOrder: {
      entry: 'src/handlers/get-order.ts',
      http: routes.getOrder,
      // Query: the order's history, for its organizers.
      uses: { table: ['GetItem', 'Query'] },
    },
    listEventOrders: {
      entry: 'src/handlers/list-event-orders.ts',
      http: routes.listEventOrders,
      // GetItem: the event's business, then a Query of the byEvent index.
      uses: { table: ['GetItem', 'Query'] },
    },
    getEventSales: {
      entry: 'src/handlers/get-event-sales.ts',
      http: routes.getEventSales,
      // GetItem: the event's business; Query: every fact kept for the event.
      uses: { table: ['GetItem', 'Query'] },
    },
    cancelOrder: {
      entry: 'src/handlers/cancel-order.ts',
      http: routes.cancelOrder,
      uses: { table: ['GetItem'], invoke: ['payments.cancelPayment'] },
    },
    refundOrder: {
      entry: 'src/handlers/refund-order.ts',
      http: routes.refundOrder,
      timeoutS: 20,
      // PutItem, UpdateItem, DeleteItem: Powertools idempotency's records of the Idempotency-Key
      // (a failed request's record is deleted, so a retry runs again).
      uses: {
        table: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
        invoke: ['payments.refundPayment'],
      },
    },
    recordPaymentFailure: {
      entry: 'src/handlers/record-payment-failure.ts',
      subscribe: { events: ['PaymentFailed'], retryAttempts: 2, maxEventAgeS: 21_600 },
      uses: { table: ['GetItem', 'PutItem'] },
    },
    cancelOnPaymentCanceled: {
      entry: 'src/handlers/cancel-on-payment-canceled.ts',
      subscribe: { events: ['PaymentCanceled'], retryAttempts: 2, maxEventAgeS: 21_600 },
      uses: { table: ['GetItem', 'PutItem'], bus: true },
    },
    recordRefund: {
      entry: 'src/handlers/record-refund.ts',
      subscribe: { events: ['PaymentRefunded'], retryAttempts: 2, maxEventAgeS: 21_600 },
      uses: { table: ['GetItem', 'PutItem'], bus: true },
    },
    recordDispute: {
      entry: 'src/handlers/record-dispute.ts',
      subscribe: { events: ['PaymentDisputed'], retryAttempts: 2, maxEventAgeS: 21_600 },
      uses: { table: ['GetItem', 'PutItem'] },
    },
    recordEventBusiness: {
      entry: 'src/handlers/record-event-business.ts',
      subscribe: { events: ['EventPublished'], retryAttempts: 2, maxEventAgeS: 21_600 },
      uses: { table: ['PutItem'] },
    },
    keepSales: {
      entry: 'src/handlers/keep-sales.ts',
      subscribe: {
        events: [
          'EventPublished',
          'SeatsHeld',
          'HoldReleased',
          'TicketsIssued',
          'OrderFulfilled',
          'OrderRefunded',
          'TicketsVoided',
          'CheckedIn',
        ],
        retryAttempts: 2,
        maxEventAgeS: 21_600,
      },
      // GetItem: the order a fact names; PutItem: the fact, once.
      uses: { table: ['GetItem', 'PutItem'] },
    },
    keepOrderHistory: {
      entry: 'src/handlers/keep-order-history.ts',
      subscribe: {
        events: ['OrderRefunded', 'CheckedIn', 'EmailSent'],
        retryAttempts: 2,
        maxEventAgeS: 21_600,
      },
      uses: { table: ['PutItem'] },
    },
    startFulfillment: {
      entry: 'src/handlers/start-fulfillment.ts',
      subscribe: { events: ['PaymentSucceeded'], retryAttempts: 2, maxEventAgeS: 21_600 },
      uses: { workflows: ['OrderFulfillment'] },
    },
  },
  workflows: {
    OrderFulfillment: {
      definition: 'workflows/order-fulfillment.asl.json',
      type: 'STANDARD',
      substitutions: {
        MarkPaidFunctionArn: 'orders.markPaid',
        ConfirmHoldFunctionArn: 'ticketing.confirmHold',
        IssueTicketsFunctionArn: 'ticketing.issueTickets',
        RecordAttendeesFunctionArn: 'ticketing.recordAttendees',
        SendConfirmationFunctionArn: 'notifications.sendOrderConfirmation',
        MarkFulfilledFunctionArn: 'orders.markFulfilled',
        RefundPaymentFunctionArn: 'payments.refundPayment',
        ReleaseSeatsFunctionArn: 'ticketing.releaseSeats',
        MarkFailedFunctionArn: 'orders.markFailed',
        SendApologyFunctionArn: 'notifications.sendOrderFailed',
      },
    },
  },
});
