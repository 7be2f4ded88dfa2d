import { PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { afterEach, describe, expect, it } from 'vitest';
import { localNames } from '../../src/naming.ts';
import { RecordingLambda } from '../fixtures/eventbridge/recording-lambda.ts';
import {
  BUS,
  deadLetterQueueArnOf,
  functionArnOf,
  functionNameOf,
  SWEEP_SCHEDULE,
  startEventBridge,
} from '../fixtures/eventbridge/start-event-bridge.ts';
import { TestClock } from '../fixtures/eventbridge/test-clock.ts';

const known = ['onPayment', 'onHoldExpired', 'sweep'].map(functionArnOf);
let eb: Awaited<ReturnType<typeof startEventBridge>> | undefined;
afterEach(async () => {
  await eb?.close();
  eb = undefined;
});

const put = (source: string, detailType: string, detail: object = {}) => ({
  EventBusName: BUS,
  Source: source,
  DetailType: detailType,
  Detail: JSON.stringify(detail),
});

describe('delivery to subscribed functions', () => {
  it('a subscribed function receives exactly the events its contracts match, once each', async () => {
    const lambda = new RecordingLambda(known);
    eb = await startEventBridge({ lambda });
    const { Entries } = await eb.client.send(
      new PutEventsCommand({
        Entries: [
          put('mytabs.payments', 'PaymentSucceeded', { n: 1 }),
          put('mytabs.payments', 'PaymentRefunded', { n: 2 }),
          put('mytabs.ticketing', 'HoldExpired', { n: 3 }),
          put('mytabs.payments', 'PaymentFailed', { n: 4 }),
          put('mytabs.orders', 'PaymentSucceeded', { n: 5 }),
          { ...put('mytabs.payments', 'PaymentSucceeded', { n: 6 }), EventBusName: 'default' },
        ],
      }),
    );
    await eb.bridge.settled();
    const onPayment = lambda.eventsOf(functionArnOf('onPayment'));
    expect(onPayment.map((e) => (e.detail as { n: number }).n)).toEqual([1, 4]);
    expect(onPayment[0]).toMatchObject({
      version: '0',
      id: Entries?.[0]?.EventId,
      'detail-type': 'PaymentSucceeded',
      source: 'mytabs.payments',
      account: '000000000000',
      region: 'us-east-1',
      resources: [],
      detail: { n: 1 },
    });
    expect(lambda.eventsOf(functionArnOf('onHoldExpired')).map((e) => e.detail)).toEqual([
      { n: 3 },
    ]);
  });

  it('a disabled rule delivers nothing', async () => {
    const lambda = new RecordingLambda(known);
    eb = await startEventBridge({ lambda });
    eb.bridge.rules.setState(BUS, functionNameOf('onHoldExpired'), 'DISABLED');
    await eb.client.send(
      new PutEventsCommand({ Entries: [put('mytabs.ticketing', 'HoldExpired')] }),
    );
    await eb.bridge.settled();
    expect(lambda.eventsOf(functionArnOf('onHoldExpired'))).toEqual([]);
  });
});

describe('unreachable targets', () => {
  it('a function that does not exist: the event goes to the target dead-letter queue at once', async () => {
    eb = await startEventBridge({ lambda: new RecordingLambda(known) });
    await eb.client.send(
      new PutRuleCommand({
        Name: 'to-nowhere',
        EventBusName: BUS,
        EventPattern: JSON.stringify({ 'detail-type': ['Ping'] }),
      }),
    );
    await eb.client.send(
      new PutTargetsCommand({
        Rule: 'to-nowhere',
        EventBusName: BUS,
        Targets: [
          {
            Id: 'gone',
            Arn: functionArnOf('gone'),
            DeadLetterConfig: { Arn: deadLetterQueueArnOf('onPayment') },
          },
        ],
      }),
    );
    await eb.client.send(new PutEventsCommand({ Entries: [put('mytabs.test', 'Ping', { p: 1 })] }));
    await eb.bridge.settled();
    const [message, ...rest] = eb.queues.peek(localNames.deadLetterQueue('fixture', 'onPayment'));
    expect(rest).toEqual([]);
    expect(JSON.parse(message?.body ?? '')).toMatchObject({
      'detail-type': 'Ping',
      detail: { p: 1 },
    });
    const text = (name: string) => message?.attributes[name]?.StringValue;
    expect({
      rule: text('RULE_ARN'),
      target: text('TARGET_ARN'),
      code: text('ERROR_CODE'),
      message: text('ERROR_MESSAGE'),
      retries: text('RETRY_ATTEMPTS'),
      exhausted: text('EXHAUSTED_RETRY_CONDITION'),
    }).toEqual({
      rule: `arn:aws:events:us-east-1:000000000000:rule/${BUS}/to-nowhere`,
      target: functionArnOf('gone'),
      code: 'NO_RESOURCE',
      message: expect.stringContaining('Function not found'),
      retries: '0',
      exhausted: undefined,
    });
  });

  it('a target without a dead-letter queue: the event is dropped, as EventBridge drops it', async () => {
    const lines: string[] = [];
    eb = await startEventBridge({ lambda: new RecordingLambda(known), log: (l) => lines.push(l) });
    await eb.client.send(
      new PutRuleCommand({
        Name: 'to-nowhere',
        EventBusName: BUS,
        EventPattern: JSON.stringify({ 'detail-type': ['Ping'] }),
      }),
    );
    await eb.client.send(
      new PutTargetsCommand({
        Rule: 'to-nowhere',
        EventBusName: BUS,
        Targets: [{ Id: 'gone', Arn: functionArnOf('gone') }],
      }),
    );
    await eb.client.send(new PutEventsCommand({ Entries: [put('mytabs.test', 'Ping')] }));
    await eb.bridge.settled();
    expect(eb.bridge.deadLetters()).toEqual([]);
    expect(lines).toContainEqual(
      expect.stringContaining('it has no dead-letter queue, so the event is dropped'),
    );
  });

  it('a target that fails is retried with backoff under its retry policy, then dead-lettered', async () => {
    let attempts = 0;
    eb = await startEventBridge({
      lambda: new RecordingLambda(known),
      workflows: {
        async startExecution() {
          attempts++;
          throw new Error('connect ECONNREFUSED 127.0.0.1:1');
        },
      },
    });
    await eb.client.send(
      new PutRuleCommand({
        Name: 'to-workflow',
        EventBusName: BUS,
        EventPattern: JSON.stringify({ 'detail-type': ['Ping'] }),
      }),
    );
    await eb.client.send(
      new PutTargetsCommand({
        Rule: 'to-workflow',
        EventBusName: BUS,
        Targets: [
          {
            Id: 'sfn',
            Arn: 'arn:aws:states:us-east-1:000000000000:stateMachine:orders-OrderFulfillment',
            RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 60 },
            DeadLetterConfig: { Arn: deadLetterQueueArnOf('onHoldExpired') },
          },
        ],
      }),
    );
    await eb.client.send(new PutEventsCommand({ Entries: [put('mytabs.test', 'Ping')] }));
    await eb.bridge.settled();
    expect(attempts).toBe(4);
    expect(eb.bridge.deadLetters()).toEqual([
      expect.objectContaining({
        ruleArn: `arn:aws:events:us-east-1:000000000000:rule/${BUS}/to-workflow`,
        deadLetterQueueArn: deadLetterQueueArnOf('onHoldExpired'),
        exhaustedRetryCondition: 'MaximumRetryAttempts',
        retryAttempts: 3,
        errorCode: 'CONNECTION_FAILURE',
        errorMessage: 'connect ECONNREFUSED 127.0.0.1:1',
      }),
    ]);
  });

  it('a Step Functions target starts an execution with the event as input', async () => {
    const started: { stateMachineArn: string; input: string }[] = [];
    eb = await startEventBridge({
      lambda: new RecordingLambda(known),
      workflows: { startExecution: async (request) => started.push(request) },
    });
    await eb.client.send(
      new PutRuleCommand({
        Name: 'start-flow',
        EventBusName: BUS,
        EventPattern: JSON.stringify({ source: ['mytabs.test'] }),
      }),
    );
    await eb.client.send(
      new PutTargetsCommand({
        Rule: 'start-flow',
        EventBusName: BUS,
        Targets: [
          {
            Id: 'sfn',
            Arn: 'arn:aws:states:us-east-1:000000000000:stateMachine:m',
            InputPath: '$.detail',
          },
        ],
      }),
    );
    await eb.client.send(
      new PutEventsCommand({ Entries: [put('mytabs.test', 'Go', { orderId: 'o1' })] }),
    );
    await eb.bridge.settled();
    expect(started).toEqual([
      {
        stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:m',
        input: '{"orderId":"o1"}',
      },
    ]);
  });
});

describe('schedules', () => {
  it('rate(1 minute) invokes its function with a Scheduled Event every minute of the clock', async () => {
    const clock = new TestClock(new Date('2026-11-25T10:00:00Z'));
    const lambda = new RecordingLambda(known);
    eb = await startEventBridge({ lambda, clock });
    clock.advance(59_000);
    await eb.bridge.settled();
    expect(lambda.eventsOf(functionArnOf('sweep'))).toEqual([]);
    clock.advance(1_000);
    await eb.bridge.settled();
    const [first] = lambda.eventsOf(functionArnOf('sweep'));
    expect(first).toMatchObject({
      version: '0',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '000000000000',
      time: '2026-11-25T10:01:00Z',
      region: 'us-east-1',
      resources: [`arn:aws:events:us-east-1:000000000000:rule/${SWEEP_SCHEDULE}`],
      detail: {},
    });
    clock.advance(120_000);
    await eb.bridge.settled();
    expect(lambda.eventsOf(functionArnOf('sweep')).map((e) => e.time)).toEqual([
      '2026-11-25T10:01:00Z',
      '2026-11-25T10:02:00Z',
      '2026-11-25T10:03:00Z',
    ]);
  });
});
