import { businessAccess, operations } from '@mytabs/contracts';
import { cursorProblem, HttpProblem, httpHandler, refuseUnlessAllowed } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';
import { toAttendeeEntry } from '../domain/attendee.ts';
import { attendeesCsv } from '../domain/attendees-csv.ts';

const PAGE = 100;
/** A CSV export reads every page; pages this large keep the number of reads low. */
const CSV_PAGE = 1000;

/** The organizer's attendee list with check-in status; all of it as CSV on `Accept: text/csv`. */
export const handler = httpHandler(
  operations.listAttendees,
  async ({ params, query, principal, rawHeaders }) => {
    const { catalog, attendees } = repositories();
    const found = await catalog.readEvent(params.eventId);
    if (!found) throw new HttpProblem(404, 'No such event.');
    refuseUnlessAllowed(
      businessAccess(principal, found.event.businessId, 'attendees'),
      'No such event.',
    );
    const readPage = (limit: number, cursor?: string) =>
      attendees.list(params.eventId, limit, cursor).catch(cursorProblem);

    if ((rawHeaders.accept ?? '').includes('text/csv')) {
      const entries = [];
      let cursor: string | undefined;
      do {
        const page = await readPage(CSV_PAGE, cursor);
        entries.push(...page.items.map(toAttendeeEntry));
        cursor = page.next;
      } while (cursor);
      return {
        status: 200,
        raw: { contentType: 'text/csv; charset=utf-8', text: attendeesCsv(entries) },
        headers: {
          'content-disposition': `attachment; filename="attendees-${params.eventId}.csv"`,
        },
      };
    }
    const page = await readPage(query.limit ?? PAGE, query.cursor);
    return {
      status: 200,
      body: {
        items: page.items.map(toAttendeeEntry),
        ...(page.next && { nextCursor: page.next }),
      },
    };
  },
);
