import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { PaymentSucceeded } from '@mytabs/contracts';
import type { LoadedManifest } from '@mytabs/contracts/manifest/load-manifests';
import {
  dynamodb,
  eventBridge,
  localArns,
  localNames,
  startPlatform,
  stepFunctionsComponent,
} from '@mytabs/local';
import { orderKey } from '../../src/adapters/table-keys.ts';
import { executionArnOf } from '../../src/domain/fulfillment-start.ts';
import { Order } from '../../src/domain/order.ts';
import { manifest as orders } from '../../src/manifest.ts';
import { identityFixtureManifest } from '../fixtures/identity/identity-manifest.ts';
import { callsKey, planKey, type StepPlan } from '../fixtures/steps/src/fixture-step.ts';
import { fixtureSubstitutions, stepsManifest } from '../fixtures/steps/steps-manifest.ts';

const dirOf = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const ORDERS_FUNCTIONS = [
  'createOrder',
  'markPaid',
  'markFulfilled',
  'markFailed',
  'startFulfillment',
];

/**
 * The real orders manifest (so the real ASL file is read from services/orders/workflows) with
 * the functions the workflow needs, its other services' steps replaced by fixture steps.
 */
const manifests: LoadedManifest[] = [
  {
    dir: dirOf('../..'),
    manifest: {
      ...orders,
      functions: Object.fromEntries(
        Object.entries(orders.functions).filter(([name]) => ORDERS_FUNCTIONS.includes(name)),
      ),
      workflows: {
        OrderFulfillment: {
          ...(orders.workflows.OrderFulfillment as NonNullable<(typeof orders.workflows)[string]>),
          substitutions: fixtureSubstitutions,
        },
      },
    },
  },
  { dir: dirOf('../fixtures/steps'), manifest: stepsManifest },
  { dir: dirOf('../fixtures/identity'), manifest: identityFixtureManifest },
];

const TASK_STATES = [
  'MarkPaid',
  'ConfirmHold',
  'IssueTickets',
  'RecordAttendees',
  'SendConfirmation',
  'MarkFulfilled',
  'RefundPayment',
  'ReleaseSeats',
  'MarkFailed',
  'SendApology',
];

export const MACHINE_ARN = localArns.stateMachine(
  localNames.stateMachine('orders', 'OrderFulfillment'),
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until `done` holds of its answer (or gives up after about 15 s). */
export const eventually = async <T>(read: () => Promise<T>, done: (value: T) => boolean) => {
  for (let i = 0; i < 300; i += 1) {
    const value = await read();
    if (done(value)) return value;
    await sleep(50);
  }
  throw new Error('gave up waiting');
};

/**
 * Orders' fulfillment on the local platform: DynamoDB, Step Functions (every retry interval
 * shortened to 1 ms) and EventBridge, with fixture steps whose failures each test plans.
 */
export const startFulfillmentPlatform = async () => {
  const lines: string[] = [];
  const platform = await startPlatform({
    manifests,
    log: (line) => lines.push(line),
    lambda: { retryBaseDelayMs: 20 },
    components: [
      dynamodb,
      stepFunctionsComponent({
        overrides: {
          retryIntervalOverrides: Object.fromEntries(TASK_STATES.map((s) => [s, 1])),
        },
      }),
      eventBridge,
    ],
  });
  const config = {
    endpoint: platform.endpoints.edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  };
  const db = DynamoDBDocumentClient.from(new DynamoDBClient(config), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const sfn = new SFNClient(config);
  const events = new EventBridgeClient(config);
  // Calls createOrder as payments does (its `invokedBy`).
  const asPayments = new LambdaClient({
    ...config,
    credentials: { accessKeyId: 'payments.createPaymentIntent', secretAccessKey: 'test' },
  });

  const get = async (table: string, key: { pk: string; sk: string }) =>
    (await db.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;

  return {
    lines,
    sfn,

    /** An order of two tickets in PENDING_PAYMENT, placed through orders.createOrder. */
    async placeOrder(orderId: string) {
      const result = await asPayments.send(
        new InvokeCommand({
          FunctionName: localNames.function('orders', 'createOrder'),
          Payload: JSON.stringify({
            orderId,
            eventId: 'ev_fixture1',
            businessId: 'biz_fixture1',
            buyer: { email: 'ana@example.com', name: 'Ana Diaz' },
            lines: [
              {
                ticketTypeId: 'tt_general',
                name: 'General',
                quantity: 2,
                unitPrice: 2500,
                amount: 5000,
              },
            ],
            subtotal: 5000,
            fees: 200,
            tax: 444,
            amount: 5644,
            currency: 'usd',
            paymentIntentId: `pi_${orderId.replaceAll('_', '')}`,
            holdExpiresAt: '2026-12-01T12:15:00Z',
          }),
        }),
      );
      const payload = JSON.parse(Buffer.from(result.Payload ?? []).toString('utf8'));
      if (result.FunctionError) throw new Error(`createOrder failed: ${JSON.stringify(payload)}`);
      return payload as { orderId: string; orderToken: string; created: boolean };
    },

    /** Fixture steps fail as planned for this order: `{ step: { error, times } }`. */
    plan: (orderId: string, plan: Record<string, StepPlan>) =>
      db.send(
        new PutCommand({
          TableName: localNames.table('steps'),
          Item: { ...planKey(orderId), plan },
        }),
      ),

    /** How often each fixture step was called for the order, and the input of its last call. */
    calls: async (orderId: string) =>
      ((await get(localNames.table('steps'), callsKey(orderId))) ?? {}) as Record<string, unknown>,

    /** OrderFulfilled / OrderFailed as they reached a subscriber: counts and the last data. */
    orderEvents: async (orderId: string) =>
      ((await get(localNames.table('steps'), { pk: `EVENTS#${orderId}`, sk: 'EVENTS' })) ??
        {}) as Record<string, unknown>,

    order: async (orderId: string) => {
      const item = await get(localNames.table('orders'), orderKey(orderId));
      return item ? Order.parse(item) : undefined;
    },

    /** PaymentSucceeded on the bus, as payments publishes it after Stripe's webhook. */
    paymentSucceeded: async (orderId: string) => {
      const entry = PaymentSucceeded.build(
        {
          orderId,
          paymentIntentId: `pi_${orderId.replaceAll('_', '')}`,
          amount: 5644,
          currency: 'usd',
        },
        { idempotencyKey: `PaymentSucceeded:${orderId}`, correlationId: orderId },
      );
      const { FailedEntryCount } = await events.send(
        new PutEventsCommand({
          Entries: [
            {
              Source: entry.Source,
              DetailType: entry.DetailType,
              Detail: entry.Detail,
              EventBusName: localNames.bus,
            },
          ],
        }),
      );
      if (FailedEntryCount) throw new Error('PaymentSucceeded was refused');
    },

    executionArn: (orderId: string) => executionArnOf(MACHINE_ARN, orderId),

    /** The order's execution once it has ended. */
    settled: (orderId: string): Promise<DescribeExecutionCommandOutput> =>
      eventually(
        () =>
          sfn
            .send(
              new DescribeExecutionCommand({ executionArn: executionArnOf(MACHINE_ARN, orderId) }),
            )
            .catch(() => ({ status: 'RUNNING' }) as DescribeExecutionCommandOutput),
        (e) => e.status !== 'RUNNING',
      ),

    async close() {
      db.destroy();
      sfn.destroy();
      events.destroy();
      asPayments.destroy();
      await platform.close();
    },
  };
};
export type FulfillmentPlatform = Awaited<ReturnType<typeof startFulfillmentPlatform>>;
