import { ATTENDEES_CSV_COLUMNS, type AttendeeEntry } from '@mytabs/contracts';

/**
 * RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. A field
 * starting with `=`, `+`, `-` or `@` gets a leading apostrophe so a spreadsheet never runs an
 * attendee's name as a formula.
 */
const field = (value: unknown) => {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The attendee list as CSV: the contract's header, then one CRLF-ended line per attendee. */
export const attendeesCsv = (entries: readonly AttendeeEntry[]) =>
  [ATTENDEES_CSV_COLUMNS, ...entries.map((e) => ATTENDEES_CSV_COLUMNS.map((c) => e[c]))]
    .map((row) => `${row.map(field).join(',')}\r\n`)
    .join('');
