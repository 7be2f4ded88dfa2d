import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { localArns, localNames } from '../../src/naming.ts';
import { shopper, watchOrder } from '../../src/shopper/checkout.ts';
import { type RepoPlatform, startRepoPlatform } from '../../src/testing/repo-platform.ts';
import { awsJson, hasAwsCli } from '../fixtures/aws-cli.ts';

/**
 * What an operator sees when a part of the real system fails for good, with the repository's
 * own services: the same commands would show it on AWS. The platform starts cold, so the first
 * purchase wakes a chain of functions for the first time.
 */
const COLD_STARTS_MS = 90_000;

let local: RepoPlatform;
let sfn: SFNClient;
let sqs: SQSClient;
beforeAll(async () => {
  local = await startRepoPlatform({ seed: true });
  const config = {
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'ops', secretAccessKey: 'x' },
  };
  sfn = new SFNClient(config);
  sqs = new SQSClient(config);
}, COLD_STARTS_MS);
afterAll(async () => {
  sfn?.destroy();
  sqs?.destroy();
  await local?.close();
});
afterEach(() => local.platform.faults.clear());

/** One ticket bought and paid, as the ticket site does it. */
const buy = async () => {
  const buyer = shopper(local.endpoints);
  const { items } = await buyer.listEvents();
  const event = items.find((e) => e.ticketTypes.some((t) => t.available > 0));
  const ticketType = event?.ticketTypes.find((t) => t.available > 0);
  if (!event || !ticketType) throw new Error('the demo event has no seat left');
  const cart = {
    eventId: event.eventId,
    items: [{ ticketTypeId: ticketType.ticketTypeId, quantity: 1 }],
    address: { country: 'US', postalCode: '10001', state: 'NY' },
  };
  const quote = await buyer.quote(cart);
  const checkout = await buyer.createPaymentIntent(
    { ...cart, taxCalculationId: quote.taxCalculationId },
    { email: 'ops.test@example.com', name: 'Ops Test' },
    `operator-view-${Date.now()}`,
  );
  await buyer.pay(checkout.paymentIntentId);
  return { buyer, checkout };
};

const poll = async <T>(probe: () => Promise<T | undefined>, what: string): Promise<T> => {
  const started = Date.now();
  while (Date.now() - started < COLD_STARTS_MS) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}\n${local.lines.slice(-30).join('\n')}`);
};

it(
  'a workflow step that fails for good: the order’s execution fails, and the AWS CLI says why',
  async () => {
    local.platform.faults.add({
      kind: 'function',
      function: 'ticketing.recordAttendees',
      errorType: 'InjectedFault',
      seconds: 300,
    });
    const { checkout } = await buy();
    // The workflow's execution is named by the order id.
    const executionArn = `${localArns
      .stateMachine(localNames.stateMachine('orders', 'OrderFulfillment'))
      .replace(':stateMachine:', ':execution:')}:${checkout.orderId}`;
    const execution = await poll(async () => {
      const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      return described.status === 'RUNNING' ? undefined : described;
    }, 'the execution to end');
    expect(execution).toMatchObject({ status: 'FAILED', error: 'InjectedFault' });
    if (hasAwsCli) {
      expect(
        await awsJson(
          local.endpoints.edge,
          'stepfunctions',
          'describe-execution',
          '--execution-arn',
          executionArn,
        ),
      ).toMatchObject({ status: 'FAILED', error: 'InjectedFault' });
    }
  },
  COLD_STARTS_MS * 2,
);

it(
  'a consumer that fails for good: OrderFulfilled waits in its dead-letter queue after its retries',
  async () => {
    local.platform.faults.add({
      kind: 'function',
      function: 'ticketing.settleHold',
      errorType: 'InjectedFault',
      seconds: 300,
    });
    const { buyer, checkout } = await buy();
    const order = await watchOrder(buyer, checkout.orderId, checkout.orderToken, {
      timeoutMs: COLD_STARTS_MS,
    });
    expect(order.status).toBe('FULFILLED');

    const queue = localNames.deadLetterQueue('ticketing', 'settleHold');
    const QueueUrl = `${local.endpoints.edge}/000000000000/${queue}`;
    await poll(async () => {
      const { Attributes } = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl,
          AttributeNames: ['ApproximateNumberOfMessages'],
        }),
      );
      return Attributes?.ApproximateNumberOfMessages === '1' ? true : undefined;
    }, `a message in ${queue}`);
    const retries = local.platform.plan.functions.find(
      (f) => f.name === localNames.function('ticketing', 'settleHold'),
    )?.asyncInvoke?.retryAttempts;
    const [letter] = local.platform.lambda.deadLetters(
      localNames.function('ticketing', 'settleHold'),
    );
    expect(letter).toMatchObject({
      requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: (retries ?? 0) + 1 },
      requestPayload: {
        'detail-type': 'OrderFulfilled',
        detail: { data: { orderId: checkout.orderId } },
      },
      responsePayload: { errorType: 'InjectedFault' },
    });
    if (hasAwsCli) {
      const { Messages } = await awsJson<{ Messages: { Body: string }[] }>(
        local.endpoints.edge,
        'sqs',
        'receive-message',
        '--queue-url',
        QueueUrl,
      );
      expect(Messages.map((m) => JSON.parse(m.Body))).toEqual([letter]);
    }
  },
  COLD_STARTS_MS * 2,
);
