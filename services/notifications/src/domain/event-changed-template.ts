import type { EventSchedule, OrderBuyer } from '@mytabs/contracts';
import { ticketCount } from './confirmation-files.ts';
import { composeEmail, html } from './email-layout.ts';
import { eventWhen, localDateTime, venueLines } from './event-time.ts';

export interface ScheduleChangeContent {
  order: OrderBuyer;
  eventName: string;
  changed: readonly ('startsAt' | 'endsAt' | 'timeZone' | 'venue')[];
  before: EventSchedule;
  after: EventSchedule;
}

/** What moved, in words a buyer scans: "date and time", "venue", or both. */
const whatMoved = (changed: ScheduleChangeContent['changed']) => {
  const when = changed.some((c) => c !== 'venue');
  const where = changed.includes('venue');
  return [...(when ? ['date and time'] : []), ...(where ? ['venue'] : [])].join(' and ');
};

/**
 * An organizer moved an event: the buyer's order, the new date, time and venue (each with what
 * it was, where it changed), and that their tickets stay valid.
 */
export const eventChangedEmail = ({
  order,
  eventName,
  changed,
  before,
  after,
}: ScheduleChangeContent) => {
  const moved = whatMoved(changed);
  const timeMoved = changed.some((c) => c !== 'venue');
  const when = eventWhen(after);
  const wasWhen = eventWhen(before);
  const ends = after.endsAt ? localDateTime(after.endsAt, after.timeZone) : undefined;
  const where = venueLines(after);
  const wasWhere = venueLines(before).join(', ');
  const count = ticketCount(order.tickets);
  const keep = `Your ${count} (order ${order.orderId}) stay valid for the new ${moved}: you need do nothing.`;

  const text = [
    `Hello ${order.buyer.name},`,
    '',
    `The organizer of ${eventName} changed its ${moved}.`,
    '',
    `When:  ${when}${timeMoved ? ` (was ${wasWhen})` : ''}`,
    ...(ends ? [`Ends:  ${ends}`] : []),
    `Where: ${where.join(', ')}`,
    ...(changed.includes('venue') ? [`       (was ${wasWhere})`] : []),
    '',
    keep,
  ];
  const body = html`<h1 style="font-size:22px;margin:0 0 4px">${eventName}: new ${moved}</h1>
<p>Hello ${order.buyer.name}, the organizer changed the ${moved} of ${eventName}.</p>
<p style="margin:0 0 16px"><strong>${when}</strong>${ends ? html`<br>until ${ends}` : ''}${timeMoved ? html`<br><small style="color:#666">was ${wasWhen}</small>` : ''}</p>
<p style="margin:0 0 16px">${where.map((l, i) => (i ? html`<br>${l}` : html`<strong>${l}</strong>`))}${changed.includes('venue') ? html`<br><small style="color:#666">was ${wasWhere}</small>` : ''}</p>
<p>${keep}</p>`;

  return composeEmail({
    to: order.buyer.email,
    subject: `${eventName}: new ${moved}`,
    body,
    text,
  });
};
