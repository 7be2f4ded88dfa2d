import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { credentialsFor, localNames } from '@mytabs/local';

/** What notifications recorded of an address it no longer mails (undefined: none), read at the edge. */
export const suppressionOf = async (edge: string, address: string) => {
  const db = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: edge,
      region: 'us-east-1',
      credentials: credentialsFor('notifications.test'),
    }),
  );
  const { Item } = await db.send(
    new GetCommand({
      TableName: localNames.table('notifications'),
      Key: { pk: `suppressed#${address}`, sk: 'SUPPRESSED' },
      ConsistentRead: true,
    }),
  );
  db.destroy();
  return Item;
};
