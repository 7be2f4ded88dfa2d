import { randomBytes } from 'node:crypto';

/** Prefixed ids, random and URL-safe; sortable order is not needed for catalog entries. */
const newId = (prefix: string) => `${prefix}_${randomBytes(10).toString('hex')}`;

export const newEventId = () => newId('ev');
export const newTicketTypeId = () => newId('tt');
