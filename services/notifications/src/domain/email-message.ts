/** One rendered email: both parts, so every mail client shows something sensible. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** The templates, by the kebab-case name EmailSent and the send records carry. */
export type TemplateName = 'order-confirmation' | 'order-failed';
