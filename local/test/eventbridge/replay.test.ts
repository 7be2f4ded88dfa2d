import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CancelReplayCommand,
  DescribeArchiveCommand,
  DescribeReplayCommand,
  DescribeRuleCommand,
  ListArchivesCommand,
  ListReplaysCommand,
  PutEventsCommand,
  PutRuleCommand,
  StartReplayCommand,
} from '@aws-sdk/client-eventbridge';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordingLambda } from '../fixtures/eventbridge/recording-lambda.ts';
import {
  ARCHIVE,
  BUS,
  functionArnOf,
  functionNameOf,
  startEventBridge,
} from '../fixtures/eventbridge/start-event-bridge.ts';
import { TestClock } from '../fixtures/eventbridge/test-clock.ts';

const known = ['onPayment', 'onHoldExpired', 'sweep'].map(functionArnOf);
const busArn = `arn:aws:events:us-east-1:000000000000:event-bus/${BUS}`;
const archiveArn = `arn:aws:events:us-east-1:000000000000:archive/${ARCHIVE}`;
const onPaymentRule = `arn:aws:events:us-east-1:000000000000:rule/${BUS}/${functionNameOf('onPayment')}`;

let eb: Awaited<ReturnType<typeof startEventBridge>> | undefined;
afterEach(async () => {
  await eb?.close();
  eb = undefined;
});

const put = (detailType: string, n: number) => ({
  EventBusName: BUS,
  Source: detailType === 'HoldExpired' ? 'mytabs.ticketing' : 'mytabs.payments',
  DetailType: detailType,
  Detail: JSON.stringify({ n }),
});

const ns = (events: Record<string, unknown>[]) => events.map((e) => (e.detail as { n: number }).n);

/** Events at 10:00 (before the window), 10:05 (in it) and 10:10 (after it). */
const putThreeMoments = async (started: NonNullable<typeof eb>, clock: TestClock) => {
  const send = (entries: ReturnType<typeof put>[]) =>
    started.client.send(new PutEventsCommand({ Entries: entries }));
  await send([put('PaymentSucceeded', 1)]);
  clock.advance(5 * 60_000);
  await send([put('PaymentSucceeded', 2), put('HoldExpired', 3)]);
  clock.advance(5 * 60_000);
  await send([put('PaymentFailed', 4)]);
  await started.bridge.settled();
};

const waitForState = async (client: NonNullable<typeof eb>['client'], name: string) => {
  for (let i = 0; i < 100; i++) {
    const replay = await client.send(new DescribeReplayCommand({ ReplayName: name }));
    if (replay.State === 'COMPLETED' || replay.State === 'CANCELLED') return replay;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`replay ${name} did not finish`);
};

describe('archive and replay', () => {
  it('re-delivers the window once to the chosen rules, marked with replay-name, not archived again', async () => {
    const clock = new TestClock(new Date('2026-11-25T10:00:00Z'));
    const lambda = new RecordingLambda(known);
    eb = await startEventBridge({ lambda, clock });
    await putThreeMoments(eb, clock);
    expect(ns(lambda.eventsOf(functionArnOf('onPayment')))).toEqual([1, 2, 4]);
    const archived = await eb.client.send(new DescribeArchiveCommand({ ArchiveName: ARCHIVE }));
    expect(archived).toMatchObject({ EventSourceArn: busArn, State: 'ENABLED', EventCount: 4 });

    const started = await eb.client.send(
      new StartReplayCommand({
        ReplayName: 'recover-payments',
        EventSourceArn: archiveArn,
        EventStartTime: new Date('2026-11-25T10:04:00Z'),
        EventEndTime: new Date('2026-11-25T10:08:00Z'),
        Destination: { Arn: busArn, FilterArns: [onPaymentRule] },
      }),
    );
    expect(started).toMatchObject({
      ReplayArn: 'arn:aws:events:us-east-1:000000000000:replay/recover-payments',
      State: 'STARTING',
    });
    const done = await waitForState(eb.client, 'recover-payments');
    await eb.bridge.settled();
    expect(done).toMatchObject({
      State: 'COMPLETED',
      EventSourceArn: archiveArn,
      Destination: { Arn: busArn, FilterArns: [onPaymentRule] },
      EventStartTime: new Date('2026-11-25T10:04:00Z'),
      EventEndTime: new Date('2026-11-25T10:08:00Z'),
      EventLastReplayedTime: new Date('2026-11-25T10:05:00Z'),
    });

    const onPayment = lambda.eventsOf(functionArnOf('onPayment'));
    expect(ns(onPayment)).toEqual([1, 2, 4, 2]);
    expect(onPayment[3]).toMatchObject({ 'replay-name': 'recover-payments' });
    expect(onPayment[1]).not.toHaveProperty('replay-name');
    expect(ns(lambda.eventsOf(functionArnOf('onHoldExpired')))).toEqual([3]);
    const after = await eb.client.send(new DescribeArchiveCommand({ ArchiveName: ARCHIVE }));
    expect(after.EventCount).toBe(4);

    await eb.client.send(
      new StartReplayCommand({
        ReplayName: 'recover-all-rules',
        EventSourceArn: archiveArn,
        EventStartTime: new Date('2026-11-25T10:04:00Z'),
        EventEndTime: new Date('2026-11-25T10:08:00Z'),
        Destination: { Arn: busArn },
      }),
    );
    await waitForState(eb.client, 'recover-all-rules');
    await eb.bridge.settled();
    expect(ns(lambda.eventsOf(functionArnOf('onPayment')))).toEqual([1, 2, 4, 2, 2]);
    expect(ns(lambda.eventsOf(functionArnOf('onHoldExpired')))).toEqual([3, 3]);

    const { Replays } = await eb.client.send(new ListReplaysCommand({}));
    expect(Replays?.map((r) => [r.ReplayName, r.State])).toEqual([
      ['recover-all-rules', 'COMPLETED'],
      ['recover-payments', 'COMPLETED'],
    ]);
  });

  it('refuses a duplicate name, a reversed window and another destination bus; cancels', async () => {
    eb = await startEventBridge({ lambda: new RecordingLambda(known) });
    const request = {
      ReplayName: 'r1',
      EventSourceArn: archiveArn,
      EventStartTime: new Date(Date.now() - 60_000),
      EventEndTime: new Date(),
      Destination: { Arn: busArn },
    };
    await eb.client.send(new StartReplayCommand(request));
    await expect(eb.client.send(new StartReplayCommand(request))).rejects.toMatchObject({
      name: 'ResourceAlreadyExistsException',
    });
    await expect(
      eb.client.send(
        new StartReplayCommand({
          ...request,
          ReplayName: 'r2',
          EventStartTime: request.EventEndTime,
          EventEndTime: request.EventStartTime,
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(
      eb.client.send(
        new StartReplayCommand({
          ...request,
          ReplayName: 'r3',
          Destination: { Arn: 'arn:aws:events:us-east-1:000000000000:event-bus/default' },
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException' });

    await waitForState(eb.client, 'r1');
    await expect(
      eb.client.send(new CancelReplayCommand({ ReplayName: 'r1' })),
    ).rejects.toMatchObject({ name: 'IllegalStatusException' });
    eb.bridge.replays.start({
      ...request,
      ReplayName: 'r4',
      EventStartTime: 0,
      EventEndTime: Date.now(),
    });
    const cancelling = eb.bridge.replays.cancel('r4');
    expect(cancelling.State).toBe('CANCELLING');
    expect(await waitForState(eb.client, 'r4')).toMatchObject({ State: 'CANCELLED' });
  });
});

describe('with a data dir', () => {
  it('keeps rules and the archive across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'eventbridge-'));
    try {
      eb = await startEventBridge({ lambda: new RecordingLambda(known), dataDir });
      await eb.client.send(
        new PutRuleCommand({
          Name: 'kept',
          EventBusName: BUS,
          EventPattern: JSON.stringify({ source: ['mytabs.test'] }),
        }),
      );
      await eb.client.send(new PutEventsCommand({ Entries: [put('PaymentSucceeded', 1)] }));
      await eb.close();

      eb = await startEventBridge({ lambda: new RecordingLambda(known), dataDir });
      const rule = await eb.client.send(
        new DescribeRuleCommand({ Name: 'kept', EventBusName: BUS }),
      );
      expect(rule.EventPattern).toBe(JSON.stringify({ source: ['mytabs.test'] }));
      const { Archives } = await eb.client.send(
        new ListArchivesCommand({ EventSourceArn: busArn }),
      );
      expect(Archives).toEqual([expect.objectContaining({ ArchiveName: ARCHIVE, EventCount: 1 })]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
