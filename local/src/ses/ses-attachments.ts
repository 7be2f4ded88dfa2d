import * as z from 'zod';
import type { EdgeRequest, EdgeResponse } from '../edge/aws-service.ts';

/**
 * SES v2's `Attachment` as its API reference documents it (SendEmail, `Simple` and `Template`
 * content). aws-ses-v2-local stores whatever it is given; SES refuses a value outside these with
 * `BadRequestException`, so the local SES does too, before the emulator sees the request.
 */
const Attachment = z.object({
  FileName: z.string().max(255),
  RawContent: z.base64(),
  ContentDescription: z.string().max(1000).optional(),
  ContentDisposition: z.enum(['ATTACHMENT', 'INLINE']).optional(),
  ContentId: z.string().min(1).max(78).optional(),
  ContentTransferEncoding: z.enum(['BASE64', 'QUOTED_PRINTABLE', 'SEVEN_BIT']).optional(),
  ContentType: z.string().min(1).max(78).optional(),
});

const SendEmail = z.object({
  Content: z
    .object({
      Simple: z.object({ Attachments: z.array(Attachment).optional() }).optional(),
      Template: z.object({ Attachments: z.array(Attachment).optional() }).optional(),
    })
    .optional(),
});

/**
 * The emulator reads request bodies up to 25 MB (its own limit); SES takes messages up to 40 MB.
 * A larger SendEmail is refused here with a message that says so, rather than with the
 * emulator's bare 413.
 */
export const LOCAL_SEND_EMAIL_LIMIT_BYTES = 25 * 1024 * 1024;

const badRequest = (message: string): EdgeResponse => ({
  status: 400,
  headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'BadRequestException' },
  body: JSON.stringify({ message }),
});

/** SES's answer to a SendEmail whose attachments SES would refuse; undefined to send it. */
export const refusedAttachments = (request: EdgeRequest): EdgeResponse | undefined => {
  if (request.method !== 'POST' || request.path !== '/v2/email/outbound-emails') return undefined;
  if (request.body.length > LOCAL_SEND_EMAIL_LIMIT_BYTES) {
    return badRequest(
      `The local SES takes SendEmail requests up to 25 MB (this one is ${request.body.length} bytes); SES itself takes messages up to 40 MB.`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(request.body.toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = SendEmail.safeParse(body);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  return badRequest(`Invalid value at ${issue?.path.join('.')}: ${issue?.message}`);
};
