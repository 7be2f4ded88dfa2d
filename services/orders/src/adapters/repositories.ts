import { documentClient } from '@mytabs/contracts/runtime/aws-clients';
import { readEnv } from '../config.ts';
import { effectRecords } from './effect-records.ts';
import { ordersRepository } from './orders-repository.ts';

/** The service's repositories over its one table, wired once per container. */
export const repositories = () => {
  const { TABLE_NAME } = readEnv();
  const db = documentClient();
  return {
    orders: ordersRepository(db, TABLE_NAME),
    effects: effectRecords(db, TABLE_NAME),
  };
};
