import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Plan } from '@mytabs/plan';
import { credentialsFor, REGION } from '../../naming.ts';
import type { BusEvent, Item, LedgerState, SentEmail } from './ledger.ts';

const scanAll = async (db: DynamoDBDocumentClient, tableName: string) => {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: tableName,
        ConsistentRead: true,
        ...(start && { ExclusiveStartKey: start }),
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
};

/**
 * The platform's state as the ledger reads it: every table of the plan by DynamoDB Scan through
 * the edge, the SES inbox's store (AWS keeps no copy of what it sent) and the bus's archive (AWS
 * has no API to read one; the edge's `/_local/eventbridge/events` does).
 */
export const readLedgerState = async (
  plan: Pick<Plan, 'tables'>,
  endpoints: { edge: string; ses: string },
): Promise<LedgerState> => {
  const client = new DynamoDBClient({
    endpoint: endpoints.edge,
    region: REGION,
    credentials: credentialsFor('ledger'),
  });
  try {
    const db = DynamoDBDocumentClient.from(client);
    const tables = Object.fromEntries(
      await Promise.all(
        plan.tables.map(async (table) => [table.service, await scanAll(db, table.name)] as const),
      ),
    );
    const { emails } = (await (await fetch(`${endpoints.ses}/store`)).json()) as {
      emails: SentEmail[];
    };
    const { Events } = (await (
      await fetch(`${endpoints.edge}/_local/eventbridge/events`)
    ).json()) as { Events: BusEvent[] };
    return { tables, emails, events: Events };
  } finally {
    client.destroy();
  }
};
