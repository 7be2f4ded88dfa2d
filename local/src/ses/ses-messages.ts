import type { IncomingMessage, ServerResponse } from 'node:http';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';

/** An email as aws-ses-v2-local's `/store` keeps it: what SendEmail was given. */
interface StoredEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  attachments: {
    content: string;
    contentType: string;
    contentDisposition?: string;
    contentId?: string;
    filename?: string;
  }[];
  at: number;
}

const PATH = /^\/messages\/([\w.@-]+?)(\.eml)?$/;

/**
 * One sent email as a file, on the inbox port: `/messages/<MessageId>.eml` is the message in
 * MIME, for a mail client to open (inline images under their Content-ID in a multipart/related
 * part beside the HTML, files as attachments, every part base64); `/messages/<MessageId>` is its
 * HTML for a browser, the `cid:` images resolved (a browser cannot follow `cid:`). The inbox
 * page's own download hands its store's base64 to nodemailer as text and drops Content-IDs, so
 * its attachments arrive as base64 text and its inline images broken.
 */
export const sesMessages = (emulatorPort: number) => {
  const find = async (messageId: string) => {
    const store = (await (await fetch(`http://127.0.0.1:${emulatorPort}/store`)).json()) as {
      emails: StoredEmail[];
    };
    return store.emails.find((e) => e.messageId === messageId);
  };

  const mime = (email: StoredEmail) =>
    new MailComposer({
      messageId: `<${email.messageId}@email.amazonses.com>`,
      date: new Date(email.at * 1000),
      from: email.from,
      to: email.destination.to,
      cc: email.destination.cc,
      replyTo: email.replyTo,
      subject: email.subject,
      ...(email.body.text !== undefined && { text: email.body.text }),
      ...(email.body.html !== undefined && { html: email.body.html }),
      attachments: email.attachments.map((a) => ({
        content: a.content,
        encoding: 'base64',
        contentType: a.contentType,
        contentDisposition:
          a.contentDisposition?.toLowerCase() === 'inline' ? 'inline' : 'attachment',
        ...(a.contentId && { cid: a.contentId }),
        ...(a.filename && { filename: a.filename }),
      })),
    })
      .compile()
      .build();

  const preview = (email: StoredEmail) => {
    const html = email.body.html ?? `<pre>${email.body.text ?? ''}</pre>`;
    return html.replace(/(["'])cid:([^"']+)\1/g, (whole, quote: string, cid: string) => {
      const image = email.attachments.find((a) => a.contentId === cid);
      return image ? `${quote}data:${image.contentType};base64,${image.content}${quote}` : whole;
    });
  };

  /** Answers `/messages/...` on the inbox port; true when it handled the request. */
  const control = (req: IncomingMessage, res: ServerResponse) => {
    const match = PATH.exec(req.url ?? '');
    if (!match || req.method !== 'GET') return false;
    const [, messageId = '', eml] = match;
    find(messageId)
      .then(async (email) => {
        if (!email) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end(`No email ${messageId}`);
        } else if (eml) {
          res
            .writeHead(200, {
              'content-type': 'message/rfc822',
              'content-disposition': `attachment; filename="${messageId}.eml"`,
            })
            .end(await mime(email));
        } else {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(preview(email));
        }
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
    return true;
  };

  return { control };
};
