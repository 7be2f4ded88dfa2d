import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localNames } from '../../src/naming.ts';
import { shopper, watchOrder } from '../../src/shopper/checkout.ts';
import { checkLedger, formatLedger } from '../../src/testing/ledger/ledger-check.ts';
import { type RepoPlatform, startRepoPlatform } from '../../src/testing/repo-platform.ts';

/**
 * The ledger check names what is wrong: a platform after one honest purchase passes it, and
 * each corruption a bug could leave (an extra ticket, a seat taken by no hold, an email without
 * its record, a fact published twice) is named with its numbers.
 */
let local: RepoPlatform;
let orderId: string;
let ticketTypeId: string;

const client = () => ({
  endpoint: local.endpoints.edge,
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});

beforeAll(async () => {
  // This file corrupts the state on purpose: it checks the ledger itself.
  local = await startRepoPlatform({ seed: true, ledger: false });
  const event = local.seed?.event;
  ticketTypeId = event?.ticketTypes[0]?.ticketTypeId ?? '';
  const buyer = shopper(local.endpoints);
  const placed = await buyer.createPaymentIntent(
    {
      eventId: event?.eventId ?? '',
      items: [{ ticketTypeId, quantity: 2 }],
      address: { country: 'US', postalCode: '10036', state: 'NY' },
    },
    { email: 'ledger@example.com', name: 'Ledger' },
  );
  await buyer.pay(placed.paymentIntentId);
  const order = await watchOrder(buyer, placed.orderId, placed.orderToken, { timeoutMs: 60_000 });
  expect(order.status).toBe('FULFILLED');
  orderId = placed.orderId;
}, 120_000);
afterAll(() => local?.close());

it('finds nothing wrong after an honest purchase', async () => {
  expect(formatLedger(await local.ledger())).toBe('ledger: ok');
});

it('names an extra ticket, a seat no hold took, an email without its record and a fact published twice', async () => {
  const db = DynamoDBDocumentClient.from(new DynamoDBClient(client()));
  const ticketing = localNames.table('ticketing');
  await db.send(
    new PutCommand({
      TableName: ticketing,
      Item: {
        pk: `TICKETS#${orderId}`,
        sk: `TICKET#tkt_${orderId}_0_7`,
        type: 'ticket',
        ticketId: `tkt_${orderId}_0_7`,
        orderId,
        ticketTypeId,
      },
    }),
  );
  await db.send(
    new UpdateCommand({
      TableName: ticketing,
      Key: { pk: `EVENT#${local.seed?.event.eventId}`, sk: `TICKETTYPE#${ticketTypeId}` },
      UpdateExpression: 'SET available = available - :one',
      ExpressionAttributeValues: { ':one': 1 },
    }),
  );
  await new SESv2Client(client()).send(
    new SendEmailCommand({
      FromEmailAddress: local.platform.plan.email.from,
      Destination: { ToAddresses: ['stray@example.com'] },
      Content: { Simple: { Subject: { Data: 'Stray' }, Body: { Text: { Data: 'No record' } } } },
    }),
  );
  const twice = {
    EventBusName: localNames.bus,
    Source: 'ledger.test',
    DetailType: 'Nothing',
    Detail: JSON.stringify({ metadata: { idempotencyKey: 'Nothing:twice' } }),
  };
  await new EventBridgeClient(client()).send(new PutEventsCommand({ Entries: [twice, twice] }));

  const report = formatLedger(await local.ledger());
  expect(report).toContain(
    `[tickets] order ${orderId}: FULFILLED with tickets [tkt_${orderId}_0_0, tkt_${orderId}_0_1, tkt_${orderId}_0_7] in ticketing, expected [tkt_${orderId}_0_0, tkt_${orderId}_0_1]`,
  );
  expect(report).toMatch(
    new RegExp(
      `\\[seats\\] ticket type ${ticketTypeId} .*: 3 seats taken .* but active and confirmed holds have 2`,
    ),
  );
  expect(report).toMatch(
    /\[emails\] SES message \S+: "Stray" to stray@example.com was sent without a record/,
  );
  expect(report).toContain('[facts] Nothing Nothing:twice: published 2 times');

  const excepted = await checkLedger(local.platform.plan, local.endpoints, {
    exceptions: { emails: 'this test sends one on purpose' },
  });
  expect(excepted.map((b) => b.invariant)).not.toContain('emails');
  expect(excepted.map((b) => b.invariant)).toContain('seats');
}, 60_000);
