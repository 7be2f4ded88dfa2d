import type { OrganizerEvent } from '@mytabs/contracts';

/**
 * An event as stored: its ticket types are items of their own beside it, and it keeps the
 * business's per-ticket fee as it was when the event was created, so a quote needs no other service.
 */
export type EventRecord = Omit<OrganizerEvent, 'ticketTypes'> & { serviceFeePerTicket: number };
