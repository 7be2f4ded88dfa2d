import { ITEM_AUTHORIZED, type TableAction } from '@mytabs/contracts';

/** An IAM action on a DynamoDB table, e.g. `dynamodb:PutItem`. */
export type TableIamAction = `dynamodb:${TableAction}`;

/**
 * The IAM actions a function's `uses.table` grants, sorted: every action it lists but the
 * transactions, which IAM authorizes by their items' actions (listed beside them) alone.
 */
export const tableIamActions = (actions: readonly TableAction[]): TableIamAction[] =>
  [...new Set(actions)]
    .filter((a) => !ITEM_AUTHORIZED.has(a))
    .sort()
    .map((a): TableIamAction => `dynamodb:${a}`);
