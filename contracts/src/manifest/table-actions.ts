import * as z from 'zod';

/** The DynamoDB operations the code base may call, by their API (and IAM action) names. */
export const TableAction = z.enum([
  'GetItem',
  'BatchGetItem',
  'Query',
  'Scan',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactGetItems',
  'TransactWriteItems',
  'ConditionCheckItem',
  'DescribeTable',
]);
export type TableAction = z.infer<typeof TableAction>;

/**
 * IAM authorizes a transaction item by item (a Put needs PutItem, a ConditionCheck
 * ConditionCheckItem, a Get GetItem), never by the transaction's own name: so a function that calls
 * one lists the actions of its items beside it, and no IAM grant carries a `Transact*` action.
 */
export const ITEM_AUTHORIZED: ReadonlySet<TableAction> = new Set([
  'TransactGetItems',
  'TransactWriteItems',
]);

const TRANSACT_WRITE_ITEMS: readonly TableAction[] = [
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'ConditionCheckItem',
];

/**
 * What a function calls on its own service's table, each action named once: exactly what IAM (and
 * the local DynamoDB) lets it do there, e.g. `['GetItem', 'Query', 'PutItem']`.
 */
export const TableActions = z
  .array(TableAction)
  .min(1, 'list the DynamoDB actions the function calls, or leave table out')
  .superRefine((actions, ctx) => {
    const named = new Set(actions);
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (named.size < actions.length) problem('names an action twice');
    if (named.has('TransactWriteItems') && !TRANSACT_WRITE_ITEMS.some((a) => named.has(a))) {
      problem(
        `TransactWriteItems is authorized item by item: list the actions its items need (${TRANSACT_WRITE_ITEMS.join(', ')})`,
      );
    }
    if (named.has('TransactGetItems') && !named.has('GetItem')) {
      problem('TransactGetItems is authorized item by item: list GetItem too');
    }
    if (named.has('ConditionCheckItem') && !named.has('TransactWriteItems')) {
      problem('ConditionCheckItem exists only inside TransactWriteItems: list it too');
    }
  });
