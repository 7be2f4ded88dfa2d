import {
  ConditionalCheckFailedException,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localNames } from '../../src/naming.ts';
import type { Platform } from '../../src/platform.ts';
import { clientConfig, startFixturePlatform } from './fixture-platform.ts';

let platform: Platform;
let client: DynamoDBClient;
let documents: DynamoDBDocumentClient;

beforeAll(async () => {
  ({ platform } = await startFixturePlatform());
  client = new DynamoDBClient(clientConfig(platform.endpoints.edge ?? ''));
  documents = DynamoDBDocumentClient.from(client);
});
afterAll(async () => {
  client?.destroy();
  await platform?.close();
});

it('creates every manifest table, with its indexes, at start', async () => {
  expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual([
    localNames.table('alpha'),
  ]);
  const { Table } = await client.send(
    new DescribeTableCommand({ TableName: localNames.table('alpha') }),
  );
  expect(Table?.TableStatus).toBe('ACTIVE');
  expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual(['byBusiness']);
});

it('applies conditional writes: a hold takes its seats exactly once', async () => {
  const TableName = localNames.table('alpha');
  await documents.send(
    new PutCommand({ TableName, Item: { pk: 'tt_1', sk: 'type', available: 3, holds: {} } }),
  );
  const hold = (orderId: string, n: number) =>
    documents.send(
      new UpdateCommand({
        TableName,
        Key: { pk: 'tt_1', sk: 'type' },
        UpdateExpression: 'SET available = available - :n, holds.#o = :n',
        ConditionExpression: 'available >= :n AND attribute_not_exists(holds.#o)',
        ExpressionAttributeNames: { '#o': orderId },
        ExpressionAttributeValues: { ':n': n },
        ReturnValues: 'ALL_NEW',
      }),
    );
  expect((await hold('ord_1', 2)).Attributes?.available).toBe(1);
  await expect(hold('ord_1', 1)).rejects.toBeInstanceOf(ConditionalCheckFailedException);
  await expect(hold('ord_2', 2)).rejects.toBeInstanceOf(ConditionalCheckFailedException);
});

it('queries a global secondary index', async () => {
  const TableName = localNames.table('alpha');
  for (const [pk, businessId] of [
    ['ev_1', 'biz_a'],
    ['ev_2', 'biz_b'],
    ['ev_3', 'biz_a'],
  ]) {
    await documents.send(new PutCommand({ TableName, Item: { pk, sk: 'event', businessId } }));
  }
  const { Items = [] } = await documents.send(
    new QueryCommand({
      TableName,
      IndexName: 'byBusiness',
      KeyConditionExpression: 'businessId = :b',
      ExpressionAttributeValues: { ':b': 'biz_a' },
    }),
  );
  expect(Items.map((i) => i.pk).sort()).toEqual(['ev_1', 'ev_3']);
});
