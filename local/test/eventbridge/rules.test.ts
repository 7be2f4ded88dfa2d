import {
  DeleteRuleCommand,
  DescribeRuleCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
  TestEventPatternCommand,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingLambda } from '../fixtures/eventbridge/recording-lambda.ts';
import {
  BUS,
  deadLetterQueueArnOf,
  functionArnOf,
  functionNameOf,
  SWEEP_SCHEDULE,
  startEventBridge,
} from '../fixtures/eventbridge/start-event-bridge.ts';

let eb: Awaited<ReturnType<typeof startEventBridge>>;
beforeAll(async () => {
  eb = await startEventBridge({ lambda: new RecordingLambda([]) });
});
afterAll(() => eb.close());

describe('rules from the manifests', () => {
  it('one rule on the stage bus per subscribing function, its pattern from its contracts', async () => {
    const { Rules } = await eb.client.send(new ListRulesCommand({ EventBusName: BUS }));
    expect(Rules?.map((r) => r.Name)).toEqual([
      functionNameOf('onHoldExpired'),
      functionNameOf('onPayment'),
    ]);
    const onPayment = Rules?.find((r) => r.Name === functionNameOf('onPayment'));
    expect(onPayment?.Arn).toBe(
      `arn:aws:events:us-east-1:000000000000:rule/${BUS}/${functionNameOf('onPayment')}`,
    );
    expect(JSON.parse(onPayment?.EventPattern ?? '')).toEqual({
      $or: [
        { source: ['mytabs.payments'], 'detail-type': ['PaymentSucceeded'] },
        { source: ['mytabs.payments'], 'detail-type': ['PaymentFailed'] },
      ],
    });
    const onHold = Rules?.find((r) => r.Name === functionNameOf('onHoldExpired'));
    expect(JSON.parse(onHold?.EventPattern ?? '')).toEqual({
      source: ['mytabs.ticketing'],
      'detail-type': ['HoldExpired'],
    });
  });

  it('pages ListRules with Limit and NextToken', async () => {
    const first = await eb.client.send(new ListRulesCommand({ EventBusName: BUS, Limit: 1 }));
    expect(first.Rules?.map((r) => r.Name)).toEqual([functionNameOf('onHoldExpired')]);
    const second = await eb.client.send(
      new ListRulesCommand({ EventBusName: BUS, Limit: 1, NextToken: first.NextToken }),
    );
    expect(second.Rules?.map((r) => r.Name)).toEqual([functionNameOf('onPayment')]);
    expect(second.NextToken).toBeUndefined();
  });

  it('targets the function with the subscription retry policy and a dead-letter queue', async () => {
    const { Targets } = await eb.client.send(
      new ListTargetsByRuleCommand({ Rule: functionNameOf('onPayment'), EventBusName: BUS }),
    );
    expect(Targets).toEqual([
      {
        Id: functionNameOf('onPayment'),
        Arn: functionArnOf('onPayment'),
        RetryPolicy: { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 60 },
        DeadLetterConfig: { Arn: deadLetterQueueArnOf('onPayment') },
      },
    ]);
  });

  it('one scheduled rule on the default bus per schedule', async () => {
    const rule = await eb.client.send(new DescribeRuleCommand({ Name: SWEEP_SCHEDULE }));
    expect(rule).toMatchObject({
      Name: SWEEP_SCHEDULE,
      Arn: `arn:aws:events:us-east-1:000000000000:rule/${SWEEP_SCHEDULE}`,
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
      EventBusName: 'default',
    });
  });
});

describe('rules through the API', () => {
  const pattern = JSON.stringify({ source: [{ prefix: 'mytabs.' }] });

  it('PutRule, DescribeRule, PutTargets, ListTargetsByRule, RemoveTargets, DeleteRule', async () => {
    const { RuleArn } = await eb.client.send(
      new PutRuleCommand({ Name: 'audit', EventBusName: BUS, EventPattern: pattern }),
    );
    expect(RuleArn).toBe(`arn:aws:events:us-east-1:000000000000:rule/${BUS}/audit`);
    const described = await eb.client.send(
      new DescribeRuleCommand({ Name: 'audit', EventBusName: BUS }),
    );
    expect(described).toMatchObject({ EventPattern: pattern, State: 'ENABLED' });

    await eb.client.send(
      new PutTargetsCommand({
        Rule: 'audit',
        EventBusName: BUS,
        Targets: [{ Id: 't1', Arn: functionArnOf('onPayment') }],
      }),
    );
    await expect(
      eb.client.send(new DeleteRuleCommand({ Name: 'audit', EventBusName: BUS })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: "Rule can't be deleted since it has targets.",
    });
    const { Targets } = await eb.client.send(
      new ListTargetsByRuleCommand({ Rule: 'audit', EventBusName: BUS }),
    );
    expect(Targets?.map((t) => t.Id)).toEqual(['t1']);
    await eb.client.send(
      new RemoveTargetsCommand({ Rule: 'audit', EventBusName: BUS, Ids: ['t1'] }),
    );
    await eb.client.send(new DeleteRuleCommand({ Name: 'audit', EventBusName: BUS }));
    await expect(
      eb.client.send(new DescribeRuleCommand({ Name: 'audit', EventBusName: BUS })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Rule audit does not exist on EventBus ${BUS}.`,
    });
  });

  it('refuses an invalid pattern with InvalidEventPatternException naming the reason', async () => {
    await expect(
      eb.client.send(
        new PutRuleCommand({
          Name: 'bad',
          EventBusName: BUS,
          EventPattern: JSON.stringify({ source: [{ wildcard: 'a**' }] }),
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidEventPatternException',
      message: 'Event pattern is not valid. Reason: Consecutive wildcard characters at pos 2',
    });
  });

  it('refuses a rule with neither pattern nor schedule, a bad schedule, and a schedule off default', async () => {
    await expect(
      eb.client.send(new PutRuleCommand({ Name: 'empty', EventBusName: BUS })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(
      eb.client.send(new PutRuleCommand({ Name: 'bad', ScheduleExpression: 'rate(1 minutes)' })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Parameter ScheduleExpression is not valid.',
    });
    await expect(
      eb.client.send(
        new PutRuleCommand({
          Name: 'x',
          EventBusName: BUS,
          ScheduleExpression: 'rate(5 minutes)',
        }),
      ),
    ).rejects.toMatchObject({
      message: 'ScheduleExpression is supported only on the default event bus.',
    });
    await expect(
      eb.client.send(new PutRuleCommand({ Name: 'bad name!', EventPattern: pattern })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    const long = JSON.stringify({ source: Array.from({ length: 500 }, (_, i) => `source-${i}`) });
    await expect(
      eb.client.send(new PutRuleCommand({ Name: 'long', EventPattern: long })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });
});

describe('TestEventPattern', () => {
  const event = {
    id: 'e1',
    account: '000000000000',
    source: 'mytabs.payments',
    time: '2026-11-25T10:00:00Z',
    region: 'us-east-1',
    resources: [],
    'detail-type': 'PaymentSucceeded',
    detail: { data: { amount: 5400, currency: 'usd' } },
  };

  it('answers with the same matcher the rules use', async () => {
    const yes = await eb.client.send(
      new TestEventPatternCommand({
        Event: JSON.stringify(event),
        EventPattern: JSON.stringify({ detail: { data: { amount: [{ numeric: ['>=', 5000] }] } } }),
      }),
    );
    expect(yes.Result).toBe(true);
    const no = await eb.client.send(
      new TestEventPatternCommand({
        Event: JSON.stringify(event),
        EventPattern: JSON.stringify({
          detail: { data: { currency: [{ 'anything-but': 'usd' }] } },
        }),
      }),
    );
    expect(no.Result).toBe(false);
  });

  it('refuses an invalid pattern and an event without the envelope fields', async () => {
    await expect(
      eb.client.send(
        new TestEventPatternCommand({
          Event: JSON.stringify(event),
          EventPattern: '{"source":"x"}',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidEventPatternException',
      message: 'Event pattern is not valid. Reason: "source" must be an object or an array',
    });
    await expect(
      eb.client.send(
        new TestEventPatternCommand({ Event: '{"source":"x"}', EventPattern: '{"source":["x"]}' }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Parameter Event is not valid.',
    });
  });
});
