import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { TablePlan } from '@mytabs/plan';

/** CreateTable for a table of the plan: on demand, every index projecting all attributes. */
export const tableDefinition = (table: TablePlan): CreateTableCommandInput => {
  const attributes = new Map<string, string>();
  const keySchema = (key: TablePlan['partitionKey'], sort?: TablePlan['sortKey']) => {
    attributes.set(key.name, key.type);
    if (sort) attributes.set(sort.name, sort.type);
    return [
      { AttributeName: key.name, KeyType: 'HASH' as const },
      ...(sort ? [{ AttributeName: sort.name, KeyType: 'RANGE' as const }] : []),
    ];
  };
  const KeySchema = keySchema(table.partitionKey, table.sortKey);
  const indexes = table.indexes.map((index) => ({
    IndexName: index.name,
    KeySchema: keySchema(index.partitionKey, index.sortKey),
    Projection: { ProjectionType: 'ALL' as const },
  }));
  return {
    TableName: table.name,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema,
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({
      AttributeName,
      AttributeType: AttributeType as 'S' | 'N' | 'B',
    })),
    ...(indexes.length > 0 ? { GlobalSecondaryIndexes: indexes } : {}),
  };
};
