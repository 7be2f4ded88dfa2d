import type { Attachment } from '@aws-sdk/client-sesv2';
import type { AttachmentSpec } from '../domain/email-message.ts';
import { calendarIcs } from './calendar-ics.ts';
import { qrPng } from './qr-code.ts';
import { ticketsPdf } from './tickets-pdf.ts';

/**
 * An email's files as SES v2 `Attachments`. Binary files go as BASE64: SES's default transfer
 * encoding is SEVEN_BIT, which a PNG or PDF does not survive.
 */
export const attachmentFile = async (spec: AttachmentSpec): Promise<Attachment> => {
  switch (spec.kind) {
    case 'qr-png':
      return {
        FileName: spec.fileName,
        ContentType: 'image/png',
        ContentDisposition: 'INLINE',
        ContentId: spec.contentId,
        ContentTransferEncoding: 'BASE64',
        RawContent: await qrPng(spec.text),
      };
    case 'tickets-pdf':
      return {
        FileName: spec.fileName,
        ContentType: 'application/pdf',
        ContentDisposition: 'ATTACHMENT',
        ContentTransferEncoding: 'BASE64',
        RawContent: await ticketsPdf(spec),
      };
    case 'calendar':
      return {
        FileName: spec.fileName,
        ContentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        ContentDisposition: 'ATTACHMENT',
        ContentTransferEncoding: 'QUOTED_PRINTABLE',
        RawContent: new TextEncoder().encode(calendarIcs(spec)),
      };
  }
};
