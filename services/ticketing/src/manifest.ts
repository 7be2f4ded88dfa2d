import { defineManifest, routes } from '@mytabs/contracts';

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
      {
        name: 'publishedEvents',
        partitionKey: { name: 'listing', type: 'S' },
        sortKey: { name: 'startsAt', type: 'S' },
      },
      {
        name: 'activeHolds',
        partitionKey: { name: 'holdState', type: 'S' },
        sortKey: { name: 'sweepAt', type: 'S' },
      },
    ],
  },
  secrets: ['ticket-ed25519-key'],
  functions: {
    health: { entry: 'src/handlers/health.ts', http: routes.health, memoryMb: 128, timeoutS: 3 },
    listEvents: {
      entry: 'src/handlers/list-events.ts',
      http: routes.listEvents,
      uses: { table: ['Query'] },
    },
    getEvent: {
      entry: 'src/handlers/get-event.ts',
      http: routes.getEvent,
      uses: { table: ['Query'] },
    },
    listBusinessEvents: {
      entry: 'src/handlers/list-business-events.ts',
      http: routes.listBusinessEvents,
      uses: { table: ['Query'] },
    },
    listEventsStarting: {
      entry: 'src/handlers/list-events-starting.ts',
      invokedBy: ['notifications'],
      uses: { table: ['Query'] },
    },
    createEvent: {
      entry: 'src/handlers/create-event.ts',
      http: routes.createEvent,
      uses: {
        table: ['PutItem'],
        invoke: ['payments.createTaxLocation', 'identity.lookupBusiness'],
      },
    },
    updateEvent: {
      entry: 'src/handlers/update-event.ts',
      http: routes.updateEvent,
      uses: { table: ['Query', 'PutItem'], bus: true, invoke: ['payments.createTaxLocation'] },
    },
    cancelEvent: {
      entry: 'src/handlers/cancel-event.ts',
      http: routes.cancelEvent,
      // UpdateItem: published → CANCELED, conditional on the status read.
      // GetItem and PutItem: the record that its EventCanceled is on the bus.
      uses: { table: ['Query', 'GetItem', 'PutItem', 'UpdateItem'], bus: true },
    },
    recordCancellationProgress: {
      entry: 'src/handlers/record-cancellation-progress.ts',
      invokedBy: ['orders'],
      uses: { table: ['UpdateItem'] },
    },
    createTicketType: {
      entry: 'src/handlers/create-ticket-type.ts',
      http: routes.createTicketType,
      uses: { table: ['Query', 'PutItem'] },
    },
    priceCart: {
      entry: 'src/handlers/price-cart.ts',
      invokedBy: ['payments'],
      uses: { table: ['Query'] },
    },
    holdSeats: {
      entry: 'src/handlers/hold-seats.ts',
      invokedBy: ['payments'],
      uses: { table: ['GetItem', 'Query', 'PutItem', 'UpdateItem'], bus: true },
    },
    releaseOnPaymentCanceled: {
      entry: 'src/handlers/release-on-payment-canceled.ts',
      subscribe: { events: ['PaymentCanceled'], retryAttempts: 2, maxEventAgeS: 21_600 },
      // PutItem: the record that HoldReleased is on the bus.
      uses: { table: ['GetItem', 'PutItem', 'UpdateItem'], bus: true },
    },
    expireHolds: {
      entry: 'src/handlers/expire-holds.ts',
      schedule: 'rate(1 minute)',
      timeoutS: 60,
      // Query: the activeHolds index, by expiry; UpdateItem: when to look at a hold again.
      uses: { table: ['Query', 'UpdateItem'], bus: true },
    },
    confirmHold: {
      entry: 'src/handlers/confirm-hold.ts',
      invokedBy: ['orders'],
      // Query: the event, refused once canceled; PutItem: a hold that is gone is written again.
      uses: { table: ['GetItem', 'Query', 'PutItem', 'UpdateItem'], bus: true },
    },
    issueTickets: {
      entry: 'src/handlers/issue-tickets.ts',
      invokedBy: ['orders'],
      uses: { table: ['GetItem', 'Query', 'PutItem'], bus: true, secrets: ['ticket-ed25519-key'] },
    },
    recordAttendees: {
      entry: 'src/handlers/record-attendees.ts',
      invokedBy: ['orders'],
      uses: { table: ['GetItem', 'PutItem'], bus: true },
    },
    releaseSeats: {
      entry: 'src/handlers/release-seats.ts',
      invokedBy: ['orders'],
      // PutItem: the record that HoldReleased is on the bus.
      uses: { table: ['GetItem', 'PutItem', 'UpdateItem'], bus: true },
    },
    settleHold: {
      entry: 'src/handlers/settle-hold.ts',
      subscribe: { events: ['OrderFulfilled'], retryAttempts: 2, maxEventAgeS: 21_600 },
      uses: { table: ['GetItem', 'UpdateItem'] },
    },
    voidTickets: {
      entry: 'src/handlers/void-tickets.ts',
      subscribe: {
        events: ['OrderRefunded', 'PaymentDisputed'],
        retryAttempts: 2,
        maxEventAgeS: 21_600,
      },
      uses: { table: ['GetItem', 'Query', 'PutItem'], bus: true },
    },
    listAttendees: {
      entry: 'src/handlers/list-attendees.ts',
      http: routes.listAttendees,
      timeoutS: 29,
      uses: { table: ['Query'] },
    },
    reissueTicket: {
      entry: 'src/handlers/reissue-ticket.ts',
      http: routes.reissueTicket,
      uses: {
        // PutItem: the record that its TicketReissued is on the bus.
        table: ['GetItem', 'PutItem', 'UpdateItem'],
        bus: true,
        secrets: ['ticket-ed25519-key'],
      },
    },
    checkIn: {
      entry: 'src/handlers/check-in.ts',
      http: routes.checkIn,
      uses: {
        table: ['GetItem', 'Query', 'UpdateItem'],
        bus: true,
        secrets: ['ticket-ed25519-key'],
      },
    },
  },
});
