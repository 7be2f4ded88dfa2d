import { documentClient, tableName } from '@mytabs/lambda-kit';
import { effectRecords } from './effect-records.ts';
import { ordersRepository } from './orders-repository.ts';

/** The service's repositories over its one table, wired once per container. */
export const repositories = () => {
  const db = documentClient();
  return {
    orders: ordersRepository(db, tableName()),
    effects: effectRecords(db, tableName()),
  };
};
