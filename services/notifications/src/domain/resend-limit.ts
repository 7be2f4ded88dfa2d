/**
 * How often an order's confirmation may be sent again on request: once every 5 minutes. A buyer
 * who lost the email needs one; a burst is a script or a mistake, and every send costs SES
 * reputation and lands in the same inbox.
 */
export const RESEND_INTERVAL_MS = 5 * 60_000;

export const nextResendAt = (sentAt: Date) => new Date(sentAt.getTime() + RESEND_INTERVAL_MS);
