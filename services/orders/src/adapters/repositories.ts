import { documentClient, tableName } from '@mytabs/lambda-kit';
import { effectRecords } from './effect-records.ts';
import { eventOrdersRepository } from './event-orders-repository.ts';
import { orderHistory } from './order-history.ts';
import { ordersRepository } from './orders-repository.ts';
import { salesRepository } from './sales-repository.ts';

/** The service's repositories over its one table, wired once per container. */
export const repositories = () => {
  const db = documentClient();
  return {
    orders: ordersRepository(db, tableName()),
    effects: effectRecords(db, tableName()),
    eventOrders: eventOrdersRepository(db, tableName()),
    sales: salesRepository(db, tableName()),
    history: orderHistory(db, tableName()),
  };
};
