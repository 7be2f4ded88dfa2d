import {
  DescribeEventBusCommand,
  ListEventBusesCommand,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingLambda } from '../fixtures/eventbridge/recording-lambda.ts';
import { ARCHIVE, BUS, startEventBridge } from '../fixtures/eventbridge/start-event-bridge.ts';

let eb: Awaited<ReturnType<typeof startEventBridge>>;
beforeAll(async () => {
  eb = await startEventBridge({ lambda: new RecordingLambda([]) });
});
afterAll(() => eb.close());

const entry = (overrides: Partial<PutEventsRequestEntry> = {}): PutEventsRequestEntry => ({
  EventBusName: BUS,
  Source: 'mytabs.test',
  DetailType: 'Something',
  Detail: '{"a":1}',
  ...overrides,
});

describe('PutEvents', () => {
  it('accepts events and gives each an id', async () => {
    const out = await eb.client.send(
      new PutEventsCommand({ Entries: [entry(), entry({ EventBusName: undefined })] }),
    );
    expect(out.FailedEntryCount).toBe(0);
    expect(out.Entries).toHaveLength(2);
    for (const e of out.Entries ?? []) expect(e.EventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports each bad entry on its own and accepts the others (partial failure)', async () => {
    const out = await eb.client.send(
      new PutEventsCommand({
        Entries: [
          entry({ Source: undefined }),
          entry(),
          entry({ DetailType: undefined }),
          entry({ Detail: undefined }),
          entry({ Detail: '[1,2]' }),
          entry({ Detail: '{not json' }),
          entry({ EventBusName: 'nope' }),
          entry({ Source: 'aws.ec2' }),
          entry({ Detail: '""' }),
          entry(),
        ],
      }),
    );
    expect(out.FailedEntryCount).toBe(8);
    expect(out.Entries?.map((e) => e.ErrorCode ?? 'ok')).toEqual([
      'InvalidArgument',
      'ok',
      'InvalidArgument',
      'InvalidArgument',
      'MalformedDetail',
      'MalformedDetail',
      'ResourceNotFoundException',
      'NotAuthorizedForSourceException',
      'MalformedDetail',
      'ok',
    ]);
    expect(out.Entries?.[0]?.ErrorMessage).toBe(
      'Parameter Source is not valid. Reason: Source is a required argument.',
    );
    expect(out.Entries?.[2]?.ErrorMessage).toMatch(/DetailType is a required argument/);
    expect(out.Entries?.[4]?.ErrorMessage).toBe('Detail is malformed.');
    expect(out.Entries?.[6]?.ErrorMessage).toBe('Event bus nope does not exist.');
  });

  it('refuses more than 10 entries, and none', async () => {
    const entries = Array.from({ length: 11 }, () => entry());
    await expect(eb.client.send(new PutEventsCommand({ Entries: entries }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(/less than or equal to 10/),
    });
    await expect(eb.client.send(new PutEventsCommand({ Entries: [] }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('refuses a request over 256 KB, counted as AWS counts entry sizes', async () => {
    const detail = JSON.stringify({ pad: 'x'.repeat(60 * 1024) });
    const entries = Array.from({ length: 5 }, () => entry({ Detail: detail }));
    await expect(eb.client.send(new PutEventsCommand({ Entries: entries }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Total size of the entries in the request is over the limit.',
    });
    const fits = await eb.client.send(new PutEventsCommand({ Entries: entries.slice(0, 4) }));
    expect(fits.FailedEntryCount).toBe(0);
  });

  it('fills id, time, account, region and resources as AWS does, and archives the stage bus events', async () => {
    const before = eb.bridge.archives.get(ARCHIVE).events.length;
    await eb.client.send(
      new PutEventsCommand({
        Entries: [
          entry({ Time: new Date('2026-01-02T03:04:05.678Z'), DetailType: 'Stamped' }),
          entry({ EventBusName: 'default', DetailType: 'NotArchived' }),
        ],
      }),
    );
    const archived = eb.bridge.archives.get(ARCHIVE).events.slice(before);
    expect(archived).toHaveLength(1);
    expect(archived[0]?.event).toMatchObject({
      version: '0',
      'detail-type': 'Stamped',
      source: 'mytabs.test',
      account: '000000000000',
      region: 'us-east-1',
      time: '2026-01-02T03:04:05Z',
      resources: [],
      detail: { a: 1 },
    });
  });
});

describe('event buses', () => {
  it('lists default and the stage bus, and describes them', async () => {
    const { EventBuses } = await eb.client.send(new ListEventBusesCommand({}));
    expect(EventBuses?.map((b) => b.Name)).toEqual(['default', BUS]);
    const mytabs = await eb.client.send(new DescribeEventBusCommand({ Name: BUS }));
    expect(mytabs.Arn).toBe(`arn:aws:events:us-east-1:000000000000:event-bus/${BUS}`);
    const byDefault = await eb.client.send(new DescribeEventBusCommand({}));
    expect(byDefault.Name).toBe('default');
    await expect(
      eb.client.send(new DescribeEventBusCommand({ Name: 'other' })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
