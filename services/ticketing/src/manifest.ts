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
      uses: { table: 'read' },
    },
    getEvent: {
      entry: 'src/handlers/get-event.ts',
      http: routes.getEvent,
      uses: { table: 'read' },
    },
    createEvent: {
      entry: 'src/handlers/create-event.ts',
      http: routes.createEvent,
      uses: {
        table: 'write',
        invoke: ['payments.createTaxLocation', 'identity.lookupBusiness'],
      },
    },
    updateEvent: {
      entry: 'src/handlers/update-event.ts',
      http: routes.updateEvent,
      uses: { table: 'write', bus: true, invoke: ['payments.createTaxLocation'] },
    },
    createTicketType: {
      entry: 'src/handlers/create-ticket-type.ts',
      http: routes.createTicketType,
      uses: { table: 'write' },
    },
    priceCart: {
      entry: 'src/handlers/price-cart.ts',
      invokedBy: ['payments'],
      uses: { table: 'read' },
    },
    holdSeats: {
      entry: 'src/handlers/hold-seats.ts',
      invokedBy: ['payments'],
      uses: { table: 'write', bus: true },
    },
    releaseOnPaymentCanceled: {
      entry: 'src/handlers/release-on-payment-canceled.ts',
      subscribe: { events: ['PaymentCanceled'], retryAttempts: 2, maxEventAgeS: 21_600 },
      uses: { table: 'write', bus: true },
    },
    expireHolds: {
      entry: 'src/handlers/expire-holds.ts',
      schedule: 'rate(1 minute)',
      timeoutS: 60,
      uses: { table: 'write', bus: true },
    },
    confirmHold: {
      entry: 'src/handlers/confirm-hold.ts',
      invokedBy: ['orders'],
      uses: { table: 'write', bus: true },
    },
    issueTickets: {
      entry: 'src/handlers/issue-tickets.ts',
      invokedBy: ['orders'],
      uses: { table: 'write', bus: true, secrets: ['ticket-ed25519-key'] },
    },
    recordAttendees: {
      entry: 'src/handlers/record-attendees.ts',
      invokedBy: ['orders'],
      uses: { table: 'write', bus: true },
    },
    releaseSeats: {
      entry: 'src/handlers/release-seats.ts',
      invokedBy: ['orders'],
      uses: { table: 'write', bus: true },
    },
    settleHold: {
      entry: 'src/handlers/settle-hold.ts',
      subscribe: { events: ['OrderFulfilled'], retryAttempts: 2, maxEventAgeS: 21_600 },
      uses: { table: 'write' },
    },
    voidTickets: {
      entry: 'src/handlers/void-tickets.ts',
      subscribe: {
        events: ['OrderRefunded', 'PaymentDisputed'],
        retryAttempts: 2,
        maxEventAgeS: 21_600,
      },
      uses: { table: 'write', bus: true },
    },
    listAttendees: {
      entry: 'src/handlers/list-attendees.ts',
      http: routes.listAttendees,
      timeoutS: 29,
      uses: { table: 'read' },
    },
    checkIn: {
      entry: 'src/handlers/check-in.ts',
      http: routes.checkIn,
      uses: { table: 'write', bus: true, secrets: ['ticket-ed25519-key'] },
    },
  },
});
