import { defineManifest, routes } from '@mytabs/contracts';

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
  secrets: ['apple-pass-certificate', 'google-wallet-service-account', 'download-link-signing-key'],
  functions: {
    sendOrderConfirmation: {
      entry: 'src/handlers/send-order-confirmation.ts',
      invokedBy: ['orders'],
      // Renders a PDF and a QR image per ticket: more memory is more CPU on Lambda.
      memoryMb: 512,
      uses: {
        table: ['GetItem', 'PutItem', 'UpdateItem'],
        bus: true,
        email: true,
        // The order token in the confirmation's link to the order.
        invoke: ['identity.issueOrderToken'],
        // The Google Wallet link and the signed download links.
        secrets: ['google-wallet-service-account', 'download-link-signing-key'],
      },
    },
    downloadTicketsPdf: {
      entry: 'src/handlers/download-tickets-pdf.ts',
      http: routes.downloadTicketsPdf,
      memoryMb: 512,
      uses: { table: ['GetItem'], secrets: ['download-link-signing-key'] },
    },
    downloadTicketFile: {
      entry: 'src/handlers/download-ticket-file.ts',
      http: routes.downloadTicketFile,
      uses: {
        table: ['GetItem'],
        secrets: ['apple-pass-certificate', 'download-link-signing-key'],
      },
    },
    resendConfirmation: {
      entry: 'src/handlers/resend-confirmation.ts',
      http: routes.resendConfirmation,
      memoryMb: 512,
      uses: {
        // PutItem and UpdateItem: the email's record and the order's re-send turns.
        table: ['GetItem', 'PutItem', 'UpdateItem'],
        bus: true,
        email: true,
        invoke: ['identity.issueOrderToken'],
        secrets: ['google-wallet-service-account', 'download-link-signing-key'],
      },
    },
    sendReissuedTicket: {
      entry: 'src/handlers/send-reissued-ticket.ts',
      subscribe: { events: ['TicketReissued'], retryAttempts: 2, maxEventAgeS: 21_600 },
      memoryMb: 512,
      uses: {
        table: ['GetItem', 'PutItem', 'UpdateItem'],
        bus: true,
        email: true,
        secrets: ['google-wallet-service-account', 'download-link-signing-key'],
      },
    },
    sendOrderFailed: {
      entry: 'src/handlers/send-order-failed.ts',
      invokedBy: ['orders'],
      uses: { table: ['GetItem', 'PutItem', 'UpdateItem'], bus: true, email: true },
    },
    sendEventChanged: {
      entry: 'src/handlers/send-event-changed.ts',
      subscribe: { events: ['EventChanged'], retryAttempts: 2, maxEventAgeS: 21_600 },
      // Every buyer of the event, page by page: a large event takes a while.
      timeoutS: 300,
      uses: {
        table: ['GetItem', 'PutItem', 'UpdateItem'],
        bus: true,
        email: true,
        invoke: ['orders.listEventBuyers'],
      },
    },
    sendRefundNotice: {
      entry: 'src/handlers/send-refund-notice.ts',
      subscribe: { events: ['OrderRefunded'], retryAttempts: 2, maxEventAgeS: 21_600 },
      uses: {
        table: ['GetItem', 'PutItem', 'UpdateItem'],
        bus: true,
        email: true,
        invoke: ['orders.getOrderBuyer'],
      },
    },
    /** The day-before reminders: a scan, not a timer per event (EventBridge Scheduler is AWS only). */
    sendReminders: {
      entry: 'src/handlers/send-reminders.ts',
      schedule: 'rate(15 minutes)',
      timeoutS: 300,
      uses: {
        table: ['GetItem', 'PutItem', 'UpdateItem'],
        bus: true,
        email: true,
        // The order token in the reminder's link to the order.
        invoke: [
          'ticketing.listEventsStarting',
          'orders.listEventBuyers',
          'identity.issueOrderToken',
        ],
      },
    },
    sendEventCanceled: {
      entry: 'src/handlers/send-event-canceled.ts',
      invokedBy: ['orders'],
      uses: { table: ['GetItem', 'PutItem', 'UpdateItem'], bus: true, email: true },
    },
    /** Operators only (no invokedBy): sends a failed or abandoned email again, once. */
    resendEmail: {
      entry: 'src/handlers/resend-email.ts',
      // Takes over the email's existing record; PutItem only for the EmailSent published record.
      uses: { table: ['GetItem', 'PutItem', 'UpdateItem'], bus: true, email: true },
    },
    /** SES's bounces and complaints (on the default bus, SES's only one) as catalog events. */
    translateSesEvents: {
      entry: 'src/handlers/translate-ses-events.ts',
      sesEvents: { events: ['Email Bounced', 'Email Complaint Received'] },
      uses: { bus: true },
    },
    recordSuppression: {
      entry: 'src/handlers/record-suppression.ts',
      subscribe: { events: ['EmailBounced', 'EmailComplained'] },
      uses: { table: ['PutItem'] },
    },
  },
});
