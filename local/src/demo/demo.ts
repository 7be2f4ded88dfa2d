import type { OrderStatus } from '@mytabs/contracts';
import { type Cart, shopper, watchOrder } from '../shopper/checkout.ts';
import { localEndpoints } from '../shopper/local-endpoints.ts';
import { formatMoney } from '../shopper/money.ts';
import { orderTraces } from '../shopper/order-traces.ts';
import { sentEmail } from '../shopper/sent-email.ts';
import { showCancellation } from './cancel-demo.ts';

/**
 * `npm run demo`: buys two tickets from a running `npm start` exactly as the ticket site would,
 * and prints what happened, step by step, with timings. `-- --cancel` then cancels the event.
 */
const endpoints = localEndpoints();
const startedAt = new Date();
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(2)} s`;
const line = (label: string, text: string) => console.log(`  ${label.padEnd(9)} ${text}`);

/**
 * Where to get the tickets, from the email's signed links (`https://api.<domain>/…`), pointed at
 * the local API, which answers the same paths; the Google link goes to Google, so it is only named.
 */
const walletLinks = (text: string, api: string): [string, string][] => {
  const local = (link: string) => {
    const url = new URL(link);
    return `${api}${url.pathname}${url.search}`;
  };
  const found = (label: string) => new RegExp(`${label}: (\\S+)`).exec(text)?.[1];
  const pass = found('Add to Apple Wallet');
  const pdf = found('Download the PDF');
  const google = found('Save to Google Wallet');
  return [
    ...(pass ? [['Apple Wallet pass (ticket 1):', local(pass)] as [string, string]] : []),
    ...(pdf ? [['PDF of the tickets:        ', local(pdf)] as [string, string]] : []),
    ...(google
      ? [
          [
            'Google Wallet:             ',
            `the email's "Save to Google Wallet" link (its JWT is signed with the local test key, so Google would refuse it)`,
          ] as [string, string],
        ]
      : []),
  ];
};

// `npm start` answers 200 only once it is ready, the demo event published.
const health = await fetch(`${endpoints.api}/health`).then(
  (r) => r.status,
  () => 0,
);
if (health !== 200) {
  console.error(
    health === 503
      ? `The local platform at ${endpoints.api} is still starting: run \`npm run demo\` again once it prints "ready".`
      : `The local platform is not answering at ${endpoints.api}.\n` +
          'Start it in another terminal with `npm start`, wait for "ready", then run `npm run demo` again.',
  );
  process.exit(1);
}

const buyer = shopper(endpoints);
console.log(`MyTabs demo: buying 2 tickets from ${endpoints.api}`);
const { items } = await buyer.listEvents();
const event = items.find((e) => e.ticketTypes.some((t) => t.available >= 2));
const ticketType = event?.ticketTypes.find((t) => t.available >= 2);
if (!event || !ticketType) {
  console.error(
    'No published event has 2 seats left. Restart `npm start` to get the demo event back.',
  );
  process.exit(1);
}
line(
  'event',
  `${event.name}, ${new Date(event.startsAt).toLocaleString('en-US', { timeZone: event.timeZone, dateStyle: 'medium', timeStyle: 'short' })} (${event.timeZone}), ${event.venue.name}, ${event.venue.city}`,
);
line(
  'tickets',
  `2 × ${ticketType.name} at ${formatMoney(ticketType.price, ticketType.currency)} (${ticketType.available} left)`,
);

const cart: Cart = {
  eventId: event.eventId,
  items: [{ ticketTypeId: ticketType.ticketTypeId, quantity: 2 }],
  address: { country: 'US', postalCode: '10001', state: 'NY' },
};
const quote = await buyer.quote(cart);
const money = (n: number) => formatMoney(n, quote.currency);
line(
  'quote',
  `subtotal ${money(quote.subtotal)} + fees ${money(quote.fees)} + tax ${money(quote.tax)} = ${money(quote.total)}   [${elapsed()}]`,
);

const checkout = await buyer.createPaymentIntent(
  { ...cart, taxCalculationId: quote.taxCalculationId },
  { email: 'alex.buyer@example.com', name: 'Alex Buyer' },
  `demo-${Date.now()}`,
);
line(
  'order',
  `${checkout.orderId} for ${money(checkout.amount)}, seats held until ${checkout.holdExpiresAt}   [${elapsed()}]`,
);

await buyer.pay(checkout.paymentIntentId, 'pm_card_visa');
line(
  'payment',
  `${checkout.paymentIntentId} paid with the test card pm_card_visa   [${elapsed()}]`,
);

const seen: string[] = [];
const order = await watchOrder(buyer, checkout.orderId, checkout.orderToken, {
  onChange: (status: OrderStatus, ms: number) =>
    seen.push(`${status} at +${(ms / 1000).toFixed(2)} s`),
});
line('status', seen.join(' → '));
if (order.status !== 'FULFILLED') {
  console.error(
    `The order ended ${order.status}, not FULFILLED: see the npm start terminal for why.`,
  );
  process.exit(1);
}
order.tickets.forEach((ticket, i) => {
  line(`ticket ${i + 1}`, `${ticket.ticketId} for ${ticket.attendee.name}`);
  line('', `QR payload: ${ticket.qr}`);
});
const email = await sentEmail(endpoints.ses, 'alex.buyer@example.com', order.orderId);
if (email) {
  const kinds = (type: string) => email.attachments.filter((a) => a.contentType.startsWith(type));
  line(
    'email',
    `"${email.subject}" to alex.buyer@example.com: ${kinds('image/png').length} QR images, ${kinds('application/pdf').length} PDF, ${kinds('text/calendar').length} calendar entry`,
  );
  line('', `open it in a mail client: ${email.eml}`);
  line('', `or in a browser:          ${email.preview}`);
  for (const [label, file] of walletLinks(email.text, endpoints.api)) line('', `${label} ${file}`);
} else {
  line(
    'email',
    `no confirmation for ${order.orderId} in the inbox (${endpoints.ses}): see the npm start terminal`,
  );
}
const traces = await orderTraces(endpoints.edge, order.orderId, startedAt);
for (const [i, trace] of traces.entries()) {
  line(i === 0 ? 'traces' : '', `${trace.entry} (${trace.durationMs.toFixed(0)} ms): ${trace.url}`);
}
if (traces.length === 0) line('traces', 'none: `npm start` runs with --no-tracing');
if (process.argv.includes('--cancel')) {
  const bought = {
    eventId: event.eventId,
    orderId: order.orderId,
    orderToken: checkout.orderToken,
    buyerEmail: 'alex.buyer@example.com',
  };
  await showCancellation(endpoints, bought, buyer, line, elapsed);
}
console.log(`Done in ${elapsed()}.`);
