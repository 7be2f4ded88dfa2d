import { documentClient, tableName } from '@mytabs/lambda-kit';
import { attendeesRepository } from './attendees-repository.ts';
import { catalogRepository } from './catalog-repository.ts';
import { eventCancellations } from './event-cancellations.ts';
import { holdsRepository } from './holds-repository.ts';
import { inventoryRepository } from './inventory-repository.ts';
import { ticketsRepository } from './tickets-repository.ts';

/** The service's repositories over its one table, wired once per container. */
export const repositories = () => {
  const TABLE_NAME = tableName();
  const db = documentClient();
  return {
    catalog: catalogRepository(db, TABLE_NAME),
    cancellations: eventCancellations(db, TABLE_NAME),
    holds: holdsRepository(db, TABLE_NAME),
    inventory: inventoryRepository(db, TABLE_NAME),
    tickets: ticketsRepository(db, TABLE_NAME),
    attendees: attendeesRepository(db, TABLE_NAME),
  };
};
