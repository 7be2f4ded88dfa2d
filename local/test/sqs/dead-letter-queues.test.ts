import { fileURLToPath } from 'node:url';
import {
  EventBridgeClient,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { catalog } from '@mytabs/contracts/events/catalog';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventBridgeComponent } from '../../src/eventbridge/eventbridge-component.ts';
import { localArns, localNames } from '../../src/naming.ts';
import { type Platform, startPlatform } from '../../src/platform.ts';
import { stepFunctions } from '../../src/stepfunctions/stepfunctions-component.ts';
import { aws, awsJson, hasAwsCli } from '../fixtures/aws-cli.ts';

const fixtureRoot = fileURLToPath(new URL('../fixtures/eventbridge', import.meta.url));
const BUS = localNames.bus;
const EXPLODE_DLQ = localNames.deadLetterQueue('relay', 'explode');
const RECORD_DLQ = localNames.deadLetterQueue('relay', 'record');

let platform: Platform;
let edge: string;
let events: EventBridgeClient;
let sqs: SQSClient;

beforeAll(async () => {
  platform = await startPlatform({
    manifests: await loadManifests(fixtureRoot),
    log: () => {},
    lambda: { retryBaseDelayMs: 10 },
    components: [stepFunctions, eventBridgeComponent({ retryBaseDelayMs: 5 })],
  });
  edge = platform.endpoints.edge ?? '';
  const config = {
    endpoint: edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  };
  events = new EventBridgeClient(config);
  sqs = new SQSClient(config);
});
afterAll(async () => {
  events.destroy();
  sqs.destroy();
  await platform.close();
});

/** A PaymentFailed as payments publishes it, told apart by its idempotency key. */
const paymentFailed = (n: number) => {
  const { Source, DetailType, Detail } = catalog.PaymentFailed.build(
    catalog.PaymentFailed.examples[0] as never,
    { idempotencyKey: `dlq:${n}`, correlationId: 'test' },
  );
  return { EventBusName: BUS, Source, DetailType, Detail };
};
const keyOf = (body: string | undefined) =>
  JSON.parse(body ?? '').requestPayload.detail.metadata.idempotencyKey;

const queueUrl = async (QueueName: string) =>
  (await sqs.send(new GetQueueUrlCommand({ QueueName }))).QueueUrl ?? '';

const visibleCount = async (QueueUrl: string) => {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return {
    visible: Number(Attributes?.ApproximateNumberOfMessages),
    inFlight: Number(Attributes?.ApproximateNumberOfMessagesNotVisible),
  };
};

const until = async <T>(probe: () => Promise<T>, done: (value: T) => boolean) => {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('timed out');
};

describe('a consumer that fails for good (SDK v3, JSON protocol)', () => {
  it('its events pile up in its dead-letter queue after its retries, as Lambda on-failure records', async () => {
    const url = await queueUrl(EXPLODE_DLQ);
    await events.send(new PutEventsCommand({ Entries: [paymentFailed(1), paymentFailed(2)] }));
    await until(
      () => visibleCount(url),
      ({ visible }) => visible === 2,
    );

    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        MaxNumberOfMessages: 10,
        MessageSystemAttributeNames: ['All'],
      }),
    );
    expect(Messages.map((m) => keyOf(m.Body)).sort()).toEqual(['dlq:1', 'dlq:2']);
    const [first, second] = Messages;
    expect(JSON.parse(first?.Body ?? '')).toEqual({
      version: '1.0',
      timestamp: expect.any(String),
      requestContext: {
        requestId: expect.any(String),
        functionArn: `${localArns.function(localNames.function('relay', 'explode'))}:$LATEST`,
        condition: 'RetriesExhausted',
        // The subscription declares one retry: two attempts in all.
        approximateInvokeCount: 2,
      },
      requestPayload: expect.objectContaining({ 'detail-type': 'PaymentFailed' }),
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: expect.objectContaining({
        errorType: 'Exploded',
        errorMessage: expect.stringContaining('cannot handle'),
      }),
    });
    expect(first?.Attributes).toMatchObject({
      ApproximateReceiveCount: '1',
      SenderId: expect.any(String),
      SentTimestamp: expect.stringMatching(/^\d{13}$/),
    });
    expect(await visibleCount(url)).toEqual({ visible: 0, inFlight: 2 });

    await sqs.send(
      new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first?.ReceiptHandle }),
    );
    await sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: url,
        ReceiptHandle: second?.ReceiptHandle,
        VisibilityTimeout: 0,
      }),
    );
    expect(await visibleCount(url)).toEqual({ visible: 1, inFlight: 0 });
    // The local view reads the same queue: the deleted record is gone from it too.
    const view = await fetch(`${edge}/_local/lambda/dead-letters`);
    expect(((await view.json()) as { DeadLetters: unknown[] }).DeadLetters).toEqual([
      JSON.parse(second?.Body ?? ''),
    ]);

    const again = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MessageSystemAttributeNames: ['All'] }),
    );
    expect(again.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('2');
    await sqs.send(
      new DeleteMessageCommand({
        QueueUrl: url,
        ReceiptHandle: again.Messages?.[0]?.ReceiptHandle,
      }),
    );
    expect(await visibleCount(url)).toEqual({ visible: 0, inFlight: 0 });
  });

  it('a long poll answers as soon as a dead letter arrives', async () => {
    const url = await queueUrl(EXPLODE_DLQ);
    const started = Date.now();
    const polling = sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 15 }));
    await events.send(new PutEventsCommand({ Entries: [paymentFailed(3)] }));
    const { Messages = [] } = await polling;
    expect(Messages.map((m) => keyOf(m.Body))).toEqual(['dlq:3']);
    expect(Date.now() - started).toBeLessThan(10_000);
    await sqs.send(
      new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: Messages[0]?.ReceiptHandle }),
    );
  });

  it('answers SQS errors by name', async () => {
    await expect(sqs.send(new GetQueueUrlCommand({ QueueName: 'nope' }))).rejects.toMatchObject({
      name: 'QueueDoesNotExist',
    });
    await expect(
      sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: await queueUrl(EXPLODE_DLQ),
          VisibilityTimeout: 50_000,
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterValue' });
  });
});

describe.runIf(hasAwsCli)("Debian's AWS CLI 2.9 (query protocol, XML answers)", () => {
  it('lists the queues of the plan and reads their attributes', async () => {
    const { QueueUrls } = await awsJson<{ QueueUrls: string[] }>(edge, 'sqs', 'list-queues');
    expect(QueueUrls.sort()).toEqual(
      platform.plan.deadLetterQueues.map((q) => `${edge}/000000000000/${q.name}`).sort(),
    );
    const { QueueUrl } = await awsJson<{ QueueUrl: string }>(
      edge,
      'sqs',
      'get-queue-url',
      '--queue-name',
      RECORD_DLQ,
    );
    const { Attributes } = await awsJson<{ Attributes: Record<string, string> }>(
      edge,
      'sqs',
      'get-queue-attributes',
      '--queue-url',
      QueueUrl,
      '--attribute-names',
      'All',
    );
    expect(Attributes).toMatchObject({
      QueueArn: localArns.queue(RECORD_DLQ),
      MessageRetentionPeriod: '1209600',
      VisibilityTimeout: '30',
      ApproximateNumberOfMessages: '0',
    });
  });

  it('receives an event a rule could not deliver, with EventBridge’s attributes, and deletes it', async () => {
    const { RuleArn } = await events.send(
      new PutRuleCommand({
        Name: 'to-a-missing-workflow',
        EventBusName: BUS,
        EventPattern: JSON.stringify({ 'detail-type': ['Go'] }),
      }),
    );
    const target = 'arn:aws:states:us-east-1:000000000000:stateMachine:missing';
    await events.send(
      new PutTargetsCommand({
        Rule: 'to-a-missing-workflow',
        EventBusName: BUS,
        Targets: [
          { Id: 'sfn', Arn: target, DeadLetterConfig: { Arn: localArns.queue(RECORD_DLQ) } },
        ],
      }),
    );
    const { Entries } = await events.send(
      new PutEventsCommand({
        Entries: [
          { EventBusName: BUS, Source: 'mytabs.test', DetailType: 'Go', Detail: '{"a":1}' },
        ],
      }),
    );
    const QueueUrl = `${edge}/000000000000/${RECORD_DLQ}`;
    await until(
      () => visibleCount(QueueUrl),
      ({ visible }) => visible === 1,
    );

    const { Messages } = await awsJson<{
      Messages: {
        Body: string;
        ReceiptHandle: string;
        Attributes: Record<string, string>;
        MessageAttributes: Record<string, { StringValue: string; DataType: string }>;
      }[];
    }>(
      edge,
      'sqs',
      'receive-message',
      '--queue-url',
      QueueUrl,
      '--attribute-names',
      'All',
      '--message-attribute-names',
      'All',
    );
    expect(Messages).toHaveLength(1);
    const [message] = Messages;
    expect(JSON.parse(message?.Body ?? '')).toMatchObject({
      id: Entries?.[0]?.EventId,
      'detail-type': 'Go',
      detail: { a: 1 },
    });
    expect(message?.MessageAttributes).toEqual({
      RULE_ARN: { StringValue: RuleArn, DataType: 'String' },
      TARGET_ARN: { StringValue: target, DataType: 'String' },
      ERROR_CODE: { StringValue: 'NO_RESOURCE', DataType: 'String' },
      ERROR_MESSAGE: { StringValue: expect.stringContaining('missing'), DataType: 'String' },
      RETRY_ATTEMPTS: { StringValue: '0', DataType: 'String' },
    });
    expect(message?.Attributes.ApproximateReceiveCount).toBe('1');

    expect(await visibleCount(QueueUrl)).toEqual({ visible: 0, inFlight: 1 });
    await awsJson(
      edge,
      'sqs',
      'change-message-visibility',
      '--queue-url',
      QueueUrl,
      '--receipt-handle',
      message?.ReceiptHandle ?? '',
      '--visibility-timeout',
      '0',
    );
    expect(await visibleCount(QueueUrl)).toEqual({ visible: 1, inFlight: 0 });
    await awsJson(
      edge,
      'sqs',
      'delete-message',
      '--queue-url',
      QueueUrl,
      '--receipt-handle',
      message?.ReceiptHandle ?? '',
    );
    expect(await visibleCount(QueueUrl)).toEqual({ visible: 0, inFlight: 0 });
    const view = await fetch(`${edge}/_local/eventbridge/dead-letters`);
    expect(await view.json()).toEqual({ DeadLetters: [] });
  });

  it('a consumer broken by a fault: its events pile up after the retries it declares', async () => {
    const fault = await fetch(`${edge}/_local/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'function', function: 'relay.record', seconds: 60 }),
    });
    expect(fault.status).toBe(201);
    const entries = [1, 2].map((n) => {
      const { Source, DetailType, Detail } = catalog.PaymentSucceeded.build(
        catalog.PaymentSucceeded.examples[0] as never,
        { idempotencyKey: `broken:${n}`, correlationId: 'test' },
      );
      return { EventBusName: BUS, Source, DetailType, Detail };
    });
    await events.send(new PutEventsCommand({ Entries: entries }));
    const QueueUrl = `${edge}/000000000000/${RECORD_DLQ}`;
    await until(
      () => visibleCount(QueueUrl),
      ({ visible }) => visible === 2,
    );
    await fetch(`${edge}/_local/faults`, { method: 'DELETE' });

    const { Messages } = await awsJson<{ Messages: { Body: string; ReceiptHandle: string }[] }>(
      edge,
      'sqs',
      'receive-message',
      '--queue-url',
      QueueUrl,
      '--max-number-of-messages',
      '10',
    );
    const retries =
      platform.plan.functions.find((f) => f.name === localNames.function('relay', 'record'))
        ?.asyncInvoke?.retryAttempts ?? Number.NaN;
    expect(
      Messages.map((m) => {
        const record = JSON.parse(m.Body);
        return {
          key: record.requestPayload.detail.metadata.idempotencyKey,
          attempts: record.requestContext.approximateInvokeCount,
          error: record.responsePayload.errorType,
        };
      }).sort((a, b) => a.key.localeCompare(b.key)),
    ).toEqual([
      { key: 'broken:1', attempts: retries + 1, error: 'InjectedFault' },
      { key: 'broken:2', attempts: retries + 1, error: 'InjectedFault' },
    ]);
    for (const { ReceiptHandle } of Messages) {
      await awsJson(
        edge,
        'sqs',
        'delete-message',
        '--queue-url',
        QueueUrl,
        '--receipt-handle',
        ReceiptHandle,
      );
    }
  });

  it('names an unknown queue as SQS does', async () => {
    const result = await aws(edge, 'sqs', 'get-queue-url', '--queue-name', 'nope');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('AWS.SimpleQueueService.NonExistentQueue');
    expect(result.stderr).toContain('The specified queue does not exist');
  });
});
