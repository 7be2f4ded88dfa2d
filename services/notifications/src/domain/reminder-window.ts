/** How long before an event starts its ticket holders are reminded. */
export const REMIND_BEFORE_MS = 24 * 3600_000;

/** An instant as the events' index sorts it: whole seconds, `Z`. */
const indexed = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The events a scan at `now` reminds of: those not started yet that start within a day. A scan
 * that was late or missed still covers every event it owes, and the email's own record keeps it
 * to one reminder per order however many scans see the event.
 */
export const reminderWindow = (now: Date) => ({
  from: indexed(now.getTime()),
  to: indexed(now.getTime() + REMIND_BEFORE_MS),
});
