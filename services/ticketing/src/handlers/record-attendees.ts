import { AttendeesRecorded, RecordAttendeesStep } from '@mytabs/contracts';
import { documentClient, invocationHandler, publishOnce, tableName } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { attendeeOf } from '../domain/attendee.ts';

/** `ticketing.recordAttendees`: each ticket's attendee on the event's list, once. */
export const handler = invocationHandler(RecordAttendeesStep, async ({ order, tickets }) => {
  const attendees = tickets.map((ticket) =>
    attendeeOf(
      {
        ticketId: ticket.ticketId,
        ticketTypeId: ticket.ticketTypeId,
        orderId: order.orderId,
        eventId: order.eventId,
        businessId: order.businessId,
      },
      ticket.attendee,
    ),
  );
  await repositories().attendees.record(attendees);
  await publishOnce(
    documentClient(),
    tableName(),
    AttendeesRecorded.build(
      {
        orderId: order.orderId,
        eventId: order.eventId,
        attendees: tickets.map((t) => ({ ...t.attendee, ticketId: t.ticketId })),
      },
      { idempotencyKey: `AttendeesRecorded:${order.orderId}`, correlationId: order.orderId },
    ),
  );
  return { recorded: attendees.length };
});
