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

/** What a phone's camera reads from a QR image (a PNG, or its base64): the text, or undefined. */
export const scanQr = (png: string | Buffer) => {
  const image = PNG.sync.read(typeof png === 'string' ? bytes(png) : png);
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

/** Each page of a PDF as a PNG, as a viewer draws it at twice its size. */
export const pdfPageImages = async (pdf: string) => {
  const parser = new PDFParse({ data: bytes(pdf) });
  try {
    const shots = await parser.getScreenshot({ scale: 2, imageBuffer: true, imageDataUrl: false });
    return shots.pages.map((p) => Buffer.from(p.data));
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
