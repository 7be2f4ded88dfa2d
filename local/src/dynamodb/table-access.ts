import { randomUUID } from 'node:crypto';
import type { FunctionPlan, Plan } from '@mytabs/plan';
import {
  amzTarget,
  type EdgeRequest,
  type EdgeResponse,
  signingAccessKeyId,
} from '../edge/aws-service.ts';
import { ACCOUNT, accessKeyIdOf, localArns } from '../naming.ts';

/** One action IAM checks for a request, on a table (or one of its indexes); `*` names none. */
interface Check {
  action: string;
  table: string | undefined;
  index?: string | undefined;
}

/** The action IAM checks for each kind of TransactWriteItems item. */
const TRANSACT_WRITE_ACTIONS = new Map([
  ['Put', 'PutItem'],
  ['Update', 'UpdateItem'],
  ['Delete', 'DeleteItem'],
  ['ConditionCheck', 'ConditionCheckItem'],
]);

const objectOf = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
const stringOf = (value: unknown) => (typeof value === 'string' ? value : undefined);
const transactItems = (input: Record<string, unknown>) =>
  Array.isArray(input.TransactItems) ? input.TransactItems.map(objectOf) : [];

/**
 * What IAM checks for one request, as DynamoDB authorizes it: a batch its own action on each of
 * its tables, a transaction each item's action (it has no action of its own), anything else its
 * operation on the table (or index) it names.
 */
const checksOf = (operation: string, input: Record<string, unknown>): Check[] => {
  switch (operation) {
    case 'BatchGetItem':
    case 'BatchWriteItem':
      return Object.keys(objectOf(input.RequestItems)).map((table) => ({
        action: operation,
        table,
      }));
    case 'TransactGetItems':
      return transactItems(input).map((item) => ({
        action: 'GetItem',
        table: stringOf(objectOf(item.Get).TableName),
      }));
    case 'TransactWriteItems':
      return transactItems(input).flatMap((item) =>
        Object.entries(item).map(([kind, request]) => ({
          action: TRANSACT_WRITE_ACTIONS.get(kind) ?? kind,
          table: stringOf(objectOf(request).TableName),
        })),
      );
    default:
      return [
        { action: operation, table: stringOf(input.TableName), index: stringOf(input.IndexName) },
      ];
  }
};

/** Every table a request names: its own, or each of its batch's or transaction's items'. */
export const tablesOf = (request: EdgeRequest): string[] => {
  let input: Record<string, unknown>;
  try {
    input = objectOf(JSON.parse(request.body.toString('utf8')));
  } catch {
    return [];
  }
  return checksOf(amzTarget(request.headers)?.operation ?? '', input).flatMap((check) =>
    check.table === undefined ? [] : [check.table],
  );
};

/** Why the manifest does not allow it, after AWS's own words, as the local Lambda says too. */
const reasonOf = (fn: FunctionPlan, { action, table }: Check) => {
  const grant = fn.grants.table;
  if (!grant) return `the manifest of ${fn.service} gives ${fn.key} no uses.table`;
  if (table !== grant.name) {
    return `${fn.key} may reach only its own service's table, ${grant.name}`;
  }
  return `uses.table of ${fn.key} in the manifest of ${fn.service} does not list ${action}`;
};

const allows = (fn: FunctionPlan, { action, table }: Check) => {
  const grant = fn.grants.table;
  return (
    grant !== undefined &&
    table === grant.name &&
    (grant.actions as readonly string[]).includes(`dynamodb:${action}`)
  );
};

/** DynamoDB's answer when IAM refuses, naming the function's role session as Lambda's does. */
const accessDenied = (fn: FunctionPlan, check: Check): EdgeResponse => {
  const resource =
    check.table === undefined
      ? '*'
      : `${localArns.table(check.table)}${check.index ? `/index/${check.index}` : ''}`;
  const action = `dynamodb:${check.action}`;
  return {
    status: 400,
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': randomUUID(),
    },
    body: JSON.stringify({
      __type: 'com.amazon.coral.service#AccessDeniedException',
      Message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/${fn.name}/${fn.name} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action (${reasonOf(fn, check)})`,
    }),
  };
};

/**
 * IAM for the local DynamoDB, as the plan grants it: a request signed by a function (access key
 * id `<service>.<function>`) may call on its own service's table exactly the actions its manifest
 * lists, and is refused anything else. Anyone else (tests, the seed, the AWS CLI) is not
 * restricted, as the local Lambda restricts only function callers. Answers the refusal, or
 * `undefined` to let the request through.
 */
export const tableAccess = (plan: Plan) => {
  const functions = new Map(plan.functions.map((fn) => [accessKeyIdOf(fn.service, fn.key), fn]));
  return (request: EdgeRequest): EdgeResponse | undefined => {
    const accessKeyId = signingAccessKeyId(request.headers);
    const fn = accessKeyId === undefined ? undefined : functions.get(accessKeyId);
    if (!fn) return undefined;
    let input: Record<string, unknown>;
    try {
      input = objectOf(JSON.parse(request.body.toString('utf8')));
    } catch {
      // Not JSON: DynamoDB's own answer to that comes first.
      return undefined;
    }
    const operation = amzTarget(request.headers)?.operation ?? '';
    const refused = checksOf(operation, input).find((check) => !allows(fn, check));
    return refused && accessDenied(fn, refused);
  };
};
