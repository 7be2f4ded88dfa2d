import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dynamodb } from '../../src/dynamodb/dynamodb-component.ts';
import { localNames } from '../../src/naming.ts';
import { type Platform, startPlatform } from '../../src/platform.ts';
import { secretsManager } from '../../src/secrets/secrets-manager.ts';
import { ses } from '../../src/ses/ses-component.ts';
import { stripe } from '../../src/stripe/stripe-component.ts';
import { clientConfig, fixtureRoot } from '../core/fixture-platform.ts';
import { sdkFor } from '../stripe/stripe-fixture.ts';

const ECHO = localNames.function('alpha', 'echo');
const TABLE = localNames.table('alpha');

let platform: Platform;
let edge: string;
const lines: string[] = [];

beforeAll(async () => {
  platform = await startPlatform({
    manifests: await loadManifests(fixtureRoot),
    log: (line) => lines.push(line),
    components: [dynamodb, ses, secretsManager, stripe],
    // As `npm start -- --fault function=alpha.slow` sets it.
    faults: [
      { kind: 'function', function: 'alpha.slow', errorType: 'InjectedFault', seconds: 300 },
    ],
  });
  edge = platform.endpoints.edge ?? '';
});
afterAll(() => platform.close());
afterEach(() => fetch(`${edge}/_local/faults`, { method: 'DELETE' }));

const setFault = async (spec: object) => {
  const response = await fetch(`${edge}/_local/faults`, {
    method: 'POST',
    body: JSON.stringify(spec),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const health = async () =>
  (await (await fetch(`${edge}/health`)).json()) as { status: string; faults: { id: string }[] };

const echo = () => platform.lambda.call(ECHO, { hello: 1 });

describe('the faults route', () => {
  it('lists the faults given at start in /health, and ends them early on DELETE', async () => {
    const { status, faults } = await health();
    expect(status).toBe('ready');
    expect(faults).toEqual([
      expect.objectContaining({ kind: 'function', function: localNames.function('alpha', 'slow') }),
    ]);
    const [fault] = faults;
    expect((await fetch(`${edge}/_local/faults/${fault?.id}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await fetch(`${edge}/_local/faults/${fault?.id}`, { method: 'DELETE' })).status).toBe(
      404,
    );
    expect((await health()).faults).toEqual([]);
  });

  it('refuses at start a fault naming a function the plan lacks, before building anything', async () => {
    await expect(
      startPlatform({
        manifests: await loadManifests(fixtureRoot),
        components: [],
        faults: [{ kind: 'function', function: 'alpha.nothing', errorType: 'X', seconds: 1 }],
      }),
    ).rejects.toThrow('no function alpha.nothing in the plan');
  });

  it('refuses a fault it cannot inject with problem+json naming each field, and sets nothing', async () => {
    const response = await fetch(`${edge}/_local/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'stripe', mode: 'slow', times: 0 }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['mode', 'times']);

    const unknown = await setFault({ kind: 'function', function: 'alpha.nothing' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { path: 'function', message: expect.stringContaining('no function alpha.nothing') },
    ]);
    expect((await health()).faults).toEqual([]);
  });
});

describe('a function that fails', () => {
  it('fails its next N calls without running, listed by /health until they are used', async () => {
    const { status, body: fault } = await setFault({
      kind: 'function',
      function: 'alpha.echo',
      times: 2,
    });
    expect(status).toBe(201);
    expect(fault).toMatchObject({ function: ECHO, errorType: 'InjectedFault', times: 2 });
    expect((await health()).faults).toEqual([expect.objectContaining({ id: fault.id })]);

    for (const call of [1, 2]) {
      await expect(echo()).rejects.toMatchObject({
        name: 'InjectedFault',
        message: expect.stringContaining(`call ${call} of 2`),
      });
    }
    expect(await echo()).toMatchObject({ event: { hello: 1 } });
    expect((await health()).faults).toEqual([]);
    expect(lines).toContainEqual(expect.stringContaining(`${ECHO} | REPORT`));
    expect(lines).toContainEqual(
      expect.stringContaining(`ended function ${ECHO} fails with InjectedFault`),
    );
  });

  it('fails every call for its time, then ends by itself', async () => {
    await setFault({ kind: 'function', function: ECHO, seconds: 1, errorType: 'Boom' });
    await expect(echo()).rejects.toMatchObject({ name: 'Boom' });
    await expect(echo()).rejects.toMatchObject({ name: 'Boom' });
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await health()).faults).toEqual([]);
    expect(await echo()).toMatchObject({ event: { hello: 1 } });
    expect(lines).toContainEqual(expect.stringMatching(/ended function .* its time is up/));
  });
});

describe('a worker killed mid-invocation', () => {
  const invokeEcho = async (marker: string) => {
    const answer = await platform.lambda.invoke({
      functionName: ECHO,
      payload: JSON.stringify({ marker }),
    });
    return { ...answer, body: JSON.parse(answer.payload) as Record<string, unknown> };
  };

  it('runs the handler, then answers as Lambda does when the runtime dies; the next call starts a new worker', async () => {
    const warm = (await invokeEcho('warm')).body.sandbox;
    expect(
      (await setFault({ kind: 'function', function: 'alpha.echo', mode: 'kill', times: 1 })).status,
    ).toBe(201);

    const killed = await invokeEcho('killed');
    expect(killed.functionError).toBe('Unhandled');
    expect(killed.body).toMatchObject({
      errorType: 'Runtime.ExitError',
      errorMessage: `RequestId: ${killed.requestId} Error: Runtime exited with error: signal: killed`,
    });
    // The handler ran to its end: what it did stands, only its answer is lost.
    expect(lines).toContainEqual(expect.stringContaining('echo called with {"marker":"killed"}'));

    const next = await invokeEcho('after');
    expect(next.functionError).toBeUndefined();
    expect(next.body.sandbox).not.toBe(warm);
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`${next.requestId} Duration: .* Init Duration`)),
    );
  });

  it('kills only the invocations whose event contains its `matching` text', async () => {
    await setFault({ kind: 'function', function: 'alpha.echo', mode: 'kill', matching: 'ord_2' });
    expect((await invokeEcho('ord_1')).functionError).toBeUndefined();
    expect((await invokeEcho('ord_2')).body).toMatchObject({ errorType: 'Runtime.ExitError' });
    expect((await invokeEcho('ord_1')).functionError).toBeUndefined();
  });
});

describe('SES', () => {
  const send = (to: string) =>
    new SESv2Client(clientConfig(edge)).send(
      new SendEmailCommand({
        FromEmailAddress: 'noreply@example.test',
        Destination: { ToAddresses: [to] },
        Content: { Simple: { Subject: { Data: 'hi' }, Body: { Text: { Data: 'hello' } } } },
      }),
    );
  const inbox = async () =>
    (
      (await (await fetch(`${platform.endpoints.ses}/store`)).json()) as {
        emails: { destination: { to: string[] } }[];
      }
    ).emails.flatMap((e) => e.destination.to);

  it('refuses mail to one recipient with MessageRejected, and sends the rest', async () => {
    await setFault({ kind: 'ses', mode: 'refuse', recipient: 'refused@example.test' });
    await expect(send('refused@example.test')).rejects.toMatchObject({
      name: 'MessageRejected',
      $metadata: { httpStatusCode: 400 },
    });
    await send('welcome@example.test');
    const sent = await inbox();
    expect(sent).toContain('welcome@example.test');
    expect(sent).not.toContain('refused@example.test');
  });

  it('throttles every SendEmail with TooManyRequestsException (429)', async () => {
    await setFault({ kind: 'ses', mode: 'throttle', times: 1 });
    await expect(send('any@example.test')).rejects.toMatchObject({
      name: 'TooManyRequestsException',
      $metadata: { httpStatusCode: 429 },
    });
    await send('any@example.test');
  });
});

describe('a DynamoDB table', () => {
  const item = { pk: { S: 'fault' }, sk: { S: '1' } };

  it('throttles as AWS does, which the SDK retries; other tables are served', async () => {
    await setFault({ kind: 'dynamodb', table: TABLE, times: 2 });
    const once = new DynamoDBClient(clientConfig(edge));
    await expect(
      once.send(new PutItemCommand({ TableName: TABLE, Item: item })),
    ).rejects.toMatchObject({
      name: 'ProvisionedThroughputExceededException',
      $metadata: { httpStatusCode: 400 },
    });
    // The SDK's own retries (three attempts by default) ride out the second throttled call.
    const retrying = new DynamoDBClient({ ...clientConfig(edge), maxAttempts: 3 });
    await retrying.send(new PutItemCommand({ TableName: TABLE, Item: item }));
    expect((await once.send(new GetItemCommand({ TableName: TABLE, Key: item }))).Item).toEqual(
      item,
    );
  });
});

describe('Stripe', () => {
  const stripeSdk = () => sdkFor(Number(new URL(platform.endpoints.stripe ?? '').port));

  it('answers 5xx with an api_error, as an outage at Stripe does', async () => {
    await setFault({ kind: 'stripe', mode: '5xx', status: 503, times: 1 });
    await expect(stripeSdk().paymentIntents.list()).rejects.toMatchObject({
      type: 'StripeAPIError',
      statusCode: 503,
    });
    expect((await stripeSdk().paymentIntents.list()).data).toEqual([]);
  });

  it('does not answer while it times out, so the client gives up; it ends on time', async () => {
    await setFault({ kind: 'stripe', mode: 'timeout', seconds: 2 });
    const patient = new Stripe('sk_test_emulator', {
      host: '127.0.0.1',
      port: Number(new URL(platform.endpoints.stripe ?? '').port),
      protocol: 'http',
      maxNetworkRetries: 0,
      timeout: 300,
    });
    await expect(patient.paymentIntents.list()).rejects.toMatchObject({
      type: 'StripeConnectionError',
    });
    expect((await health()).faults).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 2_000));
    expect((await health()).faults).toEqual([]);
    expect((await patient.paymentIntents.list()).data).toEqual([]);
  });
});
