import { fileURLToPath } from 'node:url';
import {
  EventBridgeClient,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { catalog } from '@mytabs/contracts/events/catalog';
import type { EventContract } from '@mytabs/contracts/events/define-event';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTBRIDGE_DEAD_LETTERS_PATH } from '../../src/eventbridge/dead-letters-route.ts';
import { eventBridgeComponent } from '../../src/eventbridge/eventbridge-component.ts';
import { localArns, localNames } from '../../src/naming.ts';
import { type Platform, startPlatform } from '../../src/platform.ts';
import { stepFunctions } from '../../src/stepfunctions/stepfunctions-component.ts';
import { TestClock } from '../fixtures/eventbridge/test-clock.ts';

const fixtureRoot = fileURLToPath(new URL('../fixtures/eventbridge', import.meta.url));
const BUS = localNames.bus;
const relay = (fn: string) => localNames.function('relay', fn);

let platform: Platform;
let client: EventBridgeClient;
const lines: string[] = [];
const clock = new TestClock(new Date('2026-11-25T10:00:00Z'));

beforeAll(async () => {
  platform = await startPlatform({
    manifests: await loadManifests(fixtureRoot),
    log: (line) => lines.push(line),
    lambda: { retryBaseDelayMs: 10 },
    components: [stepFunctions, eventBridgeComponent({ clock, retryBaseDelayMs: 5 })],
  });
  client = new EventBridgeClient({
    endpoint: platform.endpoints.edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.destroy();
  await platform.close();
});

const eventually = async <T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
): Promise<T> => {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}; log:\n${lines.join('\n')}`);
};

/** A catalog event as its producer would build it, keyed `<type>:<key>`. */
const build = (contract: EventContract, key: string) => {
  const { Source, DetailType, Detail } = contract.build(contract.examples[0] as never, {
    idempotencyKey: `${contract.detailType}:${key}`,
    correlationId: 'test',
  });
  return { EventBusName: BUS, Source, DetailType, Detail };
};

describe('EventBridge on the platform, delivering through the local Lambda', () => {
  it('a subscribed function receives exactly the events its contracts match', async () => {
    await client.send(
      new PutEventsCommand({
        Entries: [
          build(catalog.PaymentSucceeded, '1'),
          build(catalog.PaymentRefunded, '2'),
          build(catalog.HoldExpired, '3'),
          { ...build(catalog.PaymentSucceeded, '4'), Source: 'mytabs.orders' },
          {
            ...build(catalog.PaymentSucceeded, '5'),
            Detail: build(catalog.PaymentSucceeded, '5').Detail.replace(
              '"version":1',
              '"version":2',
            ),
          },
        ],
      }),
    );
    const got = await eventually(() => {
      const found = lines.filter((l) => l.startsWith(`${relay('record')} | got `));
      return found.length >= 2 ? found : undefined;
    }, 'two deliveries');
    await new Promise((r) => setTimeout(r, 100));
    expect(lines.filter((l) => l.startsWith(`${relay('record')} | got `)).sort()).toEqual(
      [
        `${relay('record')} | got HoldExpired HoldExpired:3`,
        `${relay('record')} | got PaymentSucceeded PaymentSucceeded:1`,
      ].sort(),
    );
    expect(got).toHaveLength(2);
  });

  it('a function that throws is retried by Lambda, then lands in its on-failure destination', async () => {
    await client.send(new PutEventsCommand({ Entries: [build(catalog.PaymentFailed, '7')] }));
    const [letter] = await eventually(() => {
      const letters = platform.lambda.deadLetters(relay('explode'));
      return letters.length > 0 ? letters : undefined;
    }, 'the dead letter of explode');
    expect(letter).toMatchObject({
      requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: 2 },
      requestPayload: {
        source: 'mytabs.payments',
        'detail-type': 'PaymentFailed',
        detail: { metadata: { idempotencyKey: 'PaymentFailed:7' } },
      },
      responsePayload: { errorType: 'Exploded' },
    });
    // Lambda took the event: EventBridge's own dead-letter queue stays empty.
    const response = await fetch(`${platform.endpoints.edge}${EVENTBRIDGE_DEAD_LETTERS_PATH}`);
    expect(await response.json()).toEqual({ DeadLetters: [] });
  });

  it('a state machine target that does not exist: the event is listed in the target DLQ', async () => {
    const { RuleArn } = await client.send(
      new PutRuleCommand({
        Name: 'start-missing-workflow',
        EventBusName: BUS,
        EventPattern: JSON.stringify({ 'detail-type': ['Go'] }),
      }),
    );
    await client.send(
      new PutTargetsCommand({
        Rule: 'start-missing-workflow',
        EventBusName: BUS,
        Targets: [
          {
            Id: 'sfn',
            Arn: 'arn:aws:states:us-east-1:000000000000:stateMachine:missing',
            DeadLetterConfig: {
              Arn: localArns.queue(localNames.deadLetterQueue('relay', 'record')),
            },
          },
        ],
      }),
    );
    await client.send(
      new PutEventsCommand({
        Entries: [{ EventBusName: BUS, Source: 'mytabs.test', DetailType: 'Go', Detail: '{}' }],
      }),
    );
    const url = `${platform.endpoints.edge}${EVENTBRIDGE_DEAD_LETTERS_PATH}?rule=${encodeURIComponent(RuleArn ?? '')}`;
    const letters = await eventually(async () => {
      const { DeadLetters } = (await (await fetch(url)).json()) as { DeadLetters: unknown[] };
      return DeadLetters.length > 0 ? DeadLetters : undefined;
    }, 'the rule dead letter');
    expect(letters).toEqual([
      expect.objectContaining({
        ruleArn: RuleArn,
        targetArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:missing',
        errorCode: 'NO_RESOURCE',
        errorMessage: expect.stringContaining('missing'),
        event: expect.objectContaining({ 'detail-type': 'Go' }),
      }),
    ]);
  });

  it('a rate(1 minute) schedule invokes its function when the clock reaches the minute', async () => {
    clock.advance(60_000);
    const line = await eventually(
      () => lines.find((l) => l.startsWith(`${relay('tick')} | got Scheduled Event`)),
      'the scheduled invocation',
    );
    expect(line).toBe(`${relay('tick')} | got Scheduled Event -`);
  });
});
