import PDFDocument from 'pdfkit';
import type { TicketsPdf } from '../domain/email-message.ts';
import { bundledPdfFonts } from './pdfkit-fonts.ts';
import { QR_MARGIN, qrModules } from './qr-code.ts';

const MARGIN = 50;
/** The printed code's side, quiet zone included: 6 cm, easy for a door scanner at arm's length. */
const QR_SIDE_PT = 170;

/**
 * Draws a code as filled rectangles, one per run of dark modules in a row: sharp at any print
 * size, and no image for pdfkit to decode and compress again (a PNG per page made rendering
 * several times slower and the PDF larger).
 */
const drawQr = (doc: PDFKit.PDFDocument, text: string, x: number, y: number) => {
  const grid = qrModules(text);
  const unit = QR_SIDE_PT / (grid.length + 2 * QR_MARGIN);
  const origin = (i: number) => (i + QR_MARGIN) * unit;
  grid.forEach((row, r) => {
    let start = -1;
    row.forEach((dark, c) => {
      if (dark && start < 0) start = c;
      if (start >= 0 && (!dark || c === row.length - 1)) {
        const end = dark ? c + 1 : c;
        doc.rect(x + origin(start), y + origin(r), (end - start) * unit, unit);
        start = -1;
      }
    });
  });
  doc.fill('black');
};

/** The tickets as one PDF, a page each: event, when and where, type, attendee, QR, id, terms. */
export const ticketsPdf = async (spec: TicketsPdf): Promise<Buffer> => {
  bundledPdfFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    info: { Title: spec.title, Creator: 'MyTabs', Producer: 'MyTabs' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const page of spec.pages) {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(22).text(page.eventName);
    doc.moveDown(0.5).font('Helvetica').fontSize(12);
    for (const line of page.details) doc.text(line);
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(16).text(page.ticketType);
    doc.font('Helvetica').fontSize(12).text(page.attendee);
    doc.moveDown();
    drawQr(doc, page.qr, doc.x, doc.y);
    doc.y += QR_SIDE_PT;
    doc.moveDown(0.5).fontSize(10).text(`Ticket ${page.ticketId}`);
    doc.moveDown().fontSize(9).fillColor('#555').text(page.terms).fillColor('black');
  }
  doc.end();
  return done;
};
