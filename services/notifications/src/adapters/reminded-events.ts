import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, putOnce, tableName } from '@mytabs/lambda-kit';

/** `reminded#<eventId>`: the event whose every order's reminder went, so scans pass it by. */
const remindedKey = (eventId: string) => ({ pk: `reminded#${eventId}`, sk: 'REMINDED' });

const remindedEvents = (db: DynamoDBDocumentClient, table: string) => ({
  async done(eventId: string) {
    const { Item } = await db.send(
      new GetCommand({ TableName: table, Key: remindedKey(eventId), ConsistentRead: true }),
    );
    return Item !== undefined;
  },
  markDone: (eventId: string, at: Date) =>
    putOnce(db, table, { ...remindedKey(eventId), type: 'reminded', at: at.toISOString() }),
});

/** The events whose reminders all went, over the service's table. */
export const reminded = () => remindedEvents(documentClient(), tableName());
