/**
 * How big the order confirmation of a 10-ticket order is, and how long it takes to render:
 *
 *   npx tsx scripts/confirmation-size.ts [tickets=10] [runs=9]
 *
 * Renders the email (template, then every file: a QR PNG per ticket, the PDF, the .ics) as the
 * function does, `runs` times, and prints the median and the fastest run, then the size of each
 * file and of the whole message in MIME as a mail server receives it (nodemailer composes it the
 * way SES composes Simple content: multipart/mixed around multipart/related, files in base64).
 * Ticket codes are of the real length (sample-order.ts).
 */
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { attachmentFile } from '../src/adapters/attachment-files.ts';
import { orderConfirmationEmail } from '../src/domain/order-confirmation-template.ts';
import { sampleOrder } from './sample-order.ts';

const count = Number(process.argv[2] ?? 10);
const runs = Number(process.argv[3] ?? 9);
const { order, tickets, event } = sampleOrder(count);
const { orderId } = order;
const orderUrl = `https://ticket.keeptabs.app/orders/${orderId}?token=${'x'.repeat(180)}`;

const render = async () => {
  const message = orderConfirmationEmail({ order, tickets, event, orderUrl });
  return { message, files: await Promise.all(message.attachments.map(attachmentFile)) };
};

const times: number[] = [];
let last: Awaited<ReturnType<typeof render>> | undefined;
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  last = await render();
  times.push(performance.now() - started);
}
if (!last) throw new Error('no run');
times.sort((a, b) => a - b);
const { message, files } = last;
const mime = await new MailComposer({
  from: 'noreply@keeptabs.app',
  to: message.to,
  subject: message.subject,
  text: message.text,
  html: message.html,
  attachments: files.map((f) => ({
    filename: f.FileName,
    contentType: f.ContentType,
    contentDisposition: f.ContentDisposition === 'INLINE' ? 'inline' : 'attachment',
    ...(f.ContentId && { cid: f.ContentId }),
    content: Buffer.from(f.RawContent ?? []),
  })),
})
  .compile()
  .build();

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sizeOf = (test: (f: (typeof files)[number]) => boolean) =>
  files.filter(test).reduce((sum, f) => sum + (f.RawContent?.length ?? 0), 0);
console.log(
  `Order confirmation of ${count} tickets, ${runs} renders on Node ${process.versions.node}`,
);
console.log(
  `  render    median ${times[Math.floor(runs / 2)]?.toFixed(0)} ms, fastest ${times[0]?.toFixed(0)} ms`,
);
console.log(
  `  text      ${kb(Buffer.byteLength(message.text))}, HTML ${kb(Buffer.byteLength(message.html))}`,
);
console.log(`  QR PNGs   ${kb(sizeOf((f) => f.ContentType === 'image/png'))} (${count} images)`);
console.log(
  `  PDF       ${kb(sizeOf((f) => f.ContentType === 'application/pdf'))} (${count} pages)`,
);
console.log(`  .ics      ${kb(sizeOf((f) => f.FileName === 'event.ics'))}`);
console.log(`  message   ${kb(mime.length)} in MIME (SES's limit: 40 MB)`);
