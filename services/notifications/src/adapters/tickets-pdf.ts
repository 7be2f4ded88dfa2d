import PDFDocument from 'pdfkit';
import type { TicketsPdf } from '../domain/email-message.ts';
import { bundledPdfFonts } from './pdfkit-fonts.ts';
import { qrPng } from './qr-png.ts';

const A4 = 'A4';
const MARGIN = 50;
const QR_SIZE = 220;

/** The tickets as one PDF, a page each: event, when and where, type, attendee, QR, id, terms. */
export const ticketsPdf = async (spec: TicketsPdf): Promise<Buffer> => {
  bundledPdfFonts();
  const images = await Promise.all(spec.pages.map((p) => qrPng(p.qr)));
  const doc = new PDFDocument({
    size: A4,
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
  spec.pages.forEach((page, i) => {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(22).text(page.eventName);
    doc.moveDown(0.5).font('Helvetica').fontSize(12);
    for (const line of page.details) doc.text(line);
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(16).text(page.ticketType);
    doc.font('Helvetica').fontSize(12).text(page.attendee);
    doc.moveDown();
    doc.image(images[i] as Buffer, { width: QR_SIZE, height: QR_SIZE });
    doc.moveDown(0.5).fontSize(10).text(`Ticket ${page.ticketId}`);
    doc.moveDown().fontSize(9).fillColor('#555').text(page.terms).fillColor('black');
  });
  doc.end();
  return done;
};
