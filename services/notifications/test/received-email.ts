import jsQR from 'jsqr';
import ical, { type VEvent } from 'node-ical';
import { PDFParse } from 'pdf-parse';
import { PNG } from 'pngjs';

/** An email as the local SES store keeps it: what SendEmail was given, attachments as sent. */
export interface StoredEmail {
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  attachments: {
    filename?: string;
    contentType: string;
    contentDisposition?: string;
    contentId?: string;
    /** base64 */
    content: string;
    size: number;
  }[];
}

export const inbox = async (sesUrl: string, to: string) => {
  const { emails } = (await (await fetch(`${sesUrl}/store`)).json()) as { emails: StoredEmail[] };
  return emails.filter((e) => e.destination.to.includes(to));
};

const bytes = (base64: string) => Buffer.from(base64, 'base64');

/** What a phone's camera reads from a QR image: the decoded text, or undefined. */
export const scanQr = (png: string) => {
  const image = PNG.sync.read(bytes(png));
  // A CommonJS module whose exports are the function and carry it as `default` too.
  return jsQR.default(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
};

/** The text of each page of a PDF, as a reader extracts it. */
export const pdfPages = async (pdf: string) => {
  const parser = new PDFParse({ data: bytes(pdf) });
  try {
    return (await parser.getText()).pages.map((p) => p.text);
  } finally {
    await parser.destroy();
  }
};

/** The calendar as a calendar app parses it: its VEVENTs and the calendar's own properties. */
export const calendar = (ics: string) => {
  const parsed = ical.sync.parseICS(bytes(ics).toString('utf8'));
  const events = Object.values(parsed).filter((c) => c?.type === 'VEVENT');
  return { parsed, events: events as VEvent[] };
};
