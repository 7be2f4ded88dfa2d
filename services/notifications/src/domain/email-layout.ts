import type { AttachmentSpec, EmailMessage } from './email-message.ts';
import { escapeHtml } from './html.ts';

/** HTML that is safe as it is: written by a template, or text already escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}
}

type Interpolated = SafeHtml | string | number | readonly Interpolated[];

const render = (value: Interpolated): string => {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
};

/**
 * The one way emails write HTML: a tagged template in which every value is escaped unless it is
 * itself `html` (or a list of them), so no template can forget to escape a buyer's name.
 */
export const html = (strings: TemplateStringsArray, ...values: Interpolated[]) =>
  new SafeHtml(
    strings.reduce(
      (out, s, i) => out + s + (i < values.length ? render(values[i] as Interpolated) : ''),
      '',
    ),
  );

const frame = (subject: string, body: SafeHtml) => html`<!doctype html>
<html><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="margin:0;padding:24px;background:#f6f6f6;font-family:Helvetica,Arial,sans-serif;color:#222">
<div style="max-width:600px;margin:0 auto;background:#fff;padding:24px;border-radius:8px">
${body}
</div>
<p style="max-width:600px;margin:12px auto;font-size:12px;color:#777">Sent by MyTabs for the organizer of your event. Replies to this address are not read.</p>
</body></html>`;

/**
 * Every email of the service: its HTML body in the common frame, its plain-text alternative as
 * lines (what a text-only client or a screen reader gets), and its files.
 */
export const composeEmail = (email: {
  to: string;
  subject: string;
  body: SafeHtml;
  text: readonly string[];
  attachments?: AttachmentSpec[];
}): EmailMessage => ({
  to: email.to,
  subject: email.subject,
  text: email.text.join('\n'),
  html: frame(email.subject, email.body).value,
  attachments: email.attachments ?? [],
});
