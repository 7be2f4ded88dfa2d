import type { OrganizerEvent } from '@mytabs/contracts';

/** An event as stored: its ticket types are items of their own beside it. */
export type EventRecord = Omit<OrganizerEvent, 'ticketTypes'>;
