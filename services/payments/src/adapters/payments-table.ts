import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '@mytabs/lambda-kit';

/**
 * Payments' single table: one item per record, `pk` = `<kind>#<id>` and `sk` = the kind. Effect
 * records are written with `attribute_not_exists` and never expire.
 */
const SK = 'record';
const key = (pk: string) => ({ pk, sk: SK });

export const getRecord = async <T>(pk: string): Promise<T | undefined> => {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: key(pk), ConsistentRead: true }),
  );
  return Item as T | undefined;
};

/** Writes the record unless one exists; answers the stored one either way (the first write wins). */
export const putRecordOnce = async <T extends object>(pk: string, record: T): Promise<T> => {
  try {
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...record, ...key(pk) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return record;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const stored = await getRecord<T>(pk);
    if (!stored) throw error;
    return stored;
  }
};

/** Sets fields of an existing record (never creates one). */
export const updateRecord = async (pk: string, fields: Record<string, unknown>) => {
  const names = Object.keys(fields);
  await documentClient().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: key(pk),
      UpdateExpression: `SET ${names.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#f${i}`, n])),
      ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:v${i}`, fields[n]])),
    }),
  );
};
