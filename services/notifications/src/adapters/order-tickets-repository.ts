import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { putOnce } from '@mytabs/lambda-kit';
import { type OrderTickets, type ReissuedCode, withReissuedCode } from '../domain/order-tickets.ts';

/** `tickets#<orderId>`: the order's tickets as the buyer holds them now (see order-tickets.ts). */
const ticketsKey = (orderId: string) => ({ pk: `tickets#${orderId}`, sk: 'TICKETS' });

export const orderTicketsRepository = (db: DynamoDBDocumentClient, tableName: string) => {
  const find = async (orderId: string) => {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: ticketsKey(orderId), ConsistentRead: true }),
    );
    return Item && (Item.tickets as OrderTickets);
  };
  return {
    find,
    /** Kept once: a repeated confirmation step never puts back a code a reissue replaced. */
    async keep(tickets: OrderTickets) {
      await putOnce(db, tableName, {
        ...ticketsKey(tickets.order.orderId),
        version: 0,
        tickets,
      });
    },
    /**
     * Puts a reissued ticket's code in; the write is conditional on the version read, so two
     * reissues of one order arriving together both land (the loser reads again).
     */
    async replaceCode(orderId: string, reissued: ReissuedCode): Promise<OrderTickets | undefined> {
      for (;;) {
        const { Item } = await db.send(
          new GetCommand({ TableName: tableName, Key: ticketsKey(orderId), ConsistentRead: true }),
        );
        if (!Item) return undefined;
        const kept = Item.tickets as OrderTickets;
        const next = withReissuedCode(kept, reissued);
        if (!next) return kept;
        try {
          await db.send(
            new PutCommand({
              TableName: tableName,
              Item: { ...Item, version: (Item.version as number) + 1, tickets: next },
              ConditionExpression: 'version = :read',
              ExpressionAttributeValues: { ':read': Item.version },
            }),
          );
          return next;
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }
      }
    },
  };
};
