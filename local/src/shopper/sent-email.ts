/** An email the local SES sent, as its `/store` lists it (enough to point a person at it). */
interface SentEmail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string };
  attachments: { contentType: string; size: number }[];
}

/**
 * The newest email to `to` whose text names `mentioning` (an order id), with where to open it:
 * the inbox's `.eml` for a mail client and its HTML preview for a browser.
 */
export const sentEmail = async (sesUrl: string, to: string, mentioning: string) => {
  const { emails } = (await (await fetch(`${sesUrl}/store`)).json()) as { emails: SentEmail[] };
  const email = emails
    .filter((e) => e.destination.to.includes(to) && e.body.text?.includes(mentioning))
    .at(-1);
  if (!email) return undefined;
  return {
    subject: email.subject,
    text: email.body.text ?? '',
    attachments: email.attachments,
    eml: `${sesUrl}/messages/${email.messageId}.eml`,
    preview: `${sesUrl}/messages/${email.messageId}`,
  };
};
