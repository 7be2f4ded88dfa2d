import {
  ConditionalCheckFailedException,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessKeyIdOf, localNames } from '../../src/naming.ts';
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

describe("a function's calls, as IAM checks them against its manifest's uses.table", () => {
  const TableName = localNames.table('alpha');
  const signedAs = (accessKeyId: string) =>
    DynamoDBDocumentClient.from(
      new DynamoDBClient(clientConfig(platform.endpoints.edge ?? '', accessKeyId)),
    );
  /** AWS's answer, with the role session Lambda gives the function (named after it). */
  const refusal = (fn: string, action: string, resource: string) => ({
    name: 'AccessDeniedException',
    $metadata: expect.objectContaining({ httpStatusCode: 400 }),
    message: expect.stringContaining(
      `User: arn:aws:sts::000000000000:assumed-role/${fn}/${fn} is not authorized to perform: dynamodb:${action} on resource: ${resource} because no identity-based policy allows the dynamodb:${action} action`,
    ),
  });
  const tableArn = (table: string) => `arn:aws:dynamodb:us-east-1:000000000000:table/${table}`;

  it('lets a function call the actions it declares and refuses the others', async () => {
    // alpha.echo declares GetItem and PutItem.
    const echo = signedAs(accessKeyIdOf('alpha', 'echo'));
    const Key = { pk: 'iam_1', sk: 'item' };
    await echo.send(new PutCommand({ TableName, Item: { ...Key, n: 1 } }));
    expect((await echo.send(new GetCommand({ TableName, Key }))).Item).toEqual({ ...Key, n: 1 });

    await expect(echo.send(new DeleteCommand({ TableName, Key }))).rejects.toMatchObject(
      refusal(localNames.function('alpha', 'echo'), 'DeleteItem', tableArn(TableName)),
    );
    await expect(
      echo.send(
        new QueryCommand({
          TableName,
          IndexName: 'byBusiness',
          KeyConditionExpression: 'businessId = :b',
          ExpressionAttributeValues: { ':b': 'biz_a' },
        }),
      ),
    ).rejects.toMatchObject(
      refusal(
        localNames.function('alpha', 'echo'),
        'Query',
        `${tableArn(TableName)}/index/byBusiness`,
      ),
    );
    // A transaction is checked item by item: its Put is granted, its Delete is not.
    await expect(
      echo.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName, Item: { pk: 'iam_2', sk: 'item' } } },
            { Delete: { TableName, Key } },
          ],
        }),
      ),
    ).rejects.toMatchObject(
      refusal(localNames.function('alpha', 'echo'), 'DeleteItem', tableArn(TableName)),
    );
    expect((await documents.send(new GetCommand({ TableName, Key }))).Item).toEqual({
      ...Key,
      n: 1,
    });
    echo.destroy();
  });

  it("refuses a function any table but its own service's", async () => {
    const echo = signedAs(accessKeyIdOf('alpha', 'echo'));
    const other = localNames.table('beta');
    await expect(
      echo.send(new PutCommand({ TableName: other, Item: { pk: 'iam_3', sk: 'item' } })),
    ).rejects.toMatchObject(
      refusal(localNames.function('alpha', 'echo'), 'PutItem', tableArn(other)),
    );
    // beta's manifest gives callAlpha no table at all.
    const callAlpha = signedAs(accessKeyIdOf('beta', 'callAlpha'));
    await expect(
      callAlpha.send(new GetCommand({ TableName, Key: { pk: 'iam_1', sk: 'item' } })),
    ).rejects.toMatchObject(
      refusal(localNames.function('beta', 'callAlpha'), 'GetItem', tableArn(TableName)),
    );
    echo.destroy();
    callAlpha.destroy();
  });

  it('leaves callers that are no function unrestricted (tests, the seed, the AWS CLI)', async () => {
    for (const accessKeyId of ['test', 'alpha.states']) {
      const caller = signedAs(accessKeyId);
      const Key = { pk: `iam_${accessKeyId}`, sk: 'item' };
      await caller.send(new PutCommand({ TableName, Item: Key }));
      await caller.send(new DeleteCommand({ TableName, Key }));
      caller.destroy();
    }
  });
});
