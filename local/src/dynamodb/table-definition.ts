import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { ServiceManifest } from '@mytabs/contracts';
import { tableName } from '../naming.ts';

type TableSpec = NonNullable<ServiceManifest['table']>;

/** CreateTable for a manifest's table: on demand, every index projecting all attributes. */
export const tableDefinition = (service: string, table: TableSpec): CreateTableCommandInput => {
  const attributes = new Map<string, string>();
  const keySchema = (key: TableSpec['partitionKey'], sort?: TableSpec['sortKey']) => {
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
    TableName: tableName(service),
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema,
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({
      AttributeName,
      AttributeType: AttributeType as 'S' | 'N' | 'B',
    })),
    ...(indexes.length > 0 ? { GlobalSecondaryIndexes: indexes } : {}),
  };
};
