import {
  GetFunctionCommand,
  InvokeCommand,
  LambdaClient,
  ListFunctionsCommand,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localNames } from '../../src/naming.ts';
import type { Platform } from '../../src/platform.ts';
import {
  clientConfig,
  FIXTURE_WORKERS_PER_FUNCTION,
  startFixturePlatform,
} from './fixture-platform.ts';

let platform: Platform;
let lines: string[];
let lambda: LambdaClient;

beforeAll(async () => {
  ({ platform, lines } = await startFixturePlatform());
  lambda = new LambdaClient(clientConfig(platform.endpoints.edge ?? ''));
});
afterAll(async () => {
  lambda?.destroy();
  await platform?.close();
});

const text = (payload: Uint8Array | undefined) => Buffer.from(payload ?? []).toString('utf8');
const invoke = async (functionName: string, event: unknown, client = lambda) => {
  const response = await client.send(
    new InvokeCommand({ FunctionName: functionName, Payload: JSON.stringify(event) }),
  );
  return { ...response, body: JSON.parse(text(response.Payload)) };
};

describe('functions', () => {
  it('lists every manifest function as <service>-<function> with its configuration', async () => {
    const { Functions = [] } = await lambda.send(new ListFunctionsCommand({}));
    expect(Functions.map((f) => f.FunctionName).sort()).toEqual([
      localNames.function('alpha', 'echo'),
      localNames.function('alpha', 'fail'),
      localNames.function('alpha', 'internal'),
      localNames.function('alpha', 'missing'),
      localNames.function('alpha', 'onPayment'),
      localNames.function('alpha', 'slow'),
      localNames.function('alpha', 'slowInit'),
      localNames.function('alpha', 'warmable'),
      localNames.function('beta', 'callAlpha'),
    ]);
    const { Configuration } = await lambda.send(
      new GetFunctionCommand({ FunctionName: localNames.function('alpha', 'slow') }),
    );
    expect(Configuration).toMatchObject({
      FunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${localNames.function('alpha', 'slow')}`,
      Timeout: 1,
      MemorySize: 256,
    });
  });

  it('answers ResourceNotFoundException for an unknown function', async () => {
    await expect(
      lambda.send(new GetFunctionCommand({ FunctionName: localNames.function('alpha', 'nope') })),
    ).rejects.toThrow(expect.objectContaining({ name: 'ResourceNotFoundException' }));
    await expect(invoke(localNames.function('alpha', 'nope'), {})).rejects.toThrow(
      expect.objectContaining({
        name: 'ResourceNotFoundException',
        $metadata: expect.objectContaining({ httpStatusCode: 404 }),
      }),
    );
  });
});

describe('RequestResponse', () => {
  it('returns the result as Payload, run with the function environment and context', async () => {
    const response = await invoke(
      `arn:aws:lambda:us-east-1:000000000000:function:${localNames.function('alpha', 'echo')}`,
      {
        hello: 'world',
      },
    );
    expect(response.StatusCode).toBe(200);
    expect(response.FunctionError).toBeUndefined();
    expect(response.ExecutedVersion).toBe('$LATEST');
    expect(response.body).toMatchObject({
      event: { hello: 'world' },
      env: {
        functionName: localNames.function('alpha', 'echo'),
        memory: '512',
        region: 'us-east-1',
        endpoint: platform.endpoints.edge,
        table: localNames.table('alpha'),
        secret: localNames.secret('alpha', 'stripe-secret-key'),
      },
      context: {
        functionName: localNames.function('alpha', 'echo'),
        invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${localNames.function('alpha', 'echo')}`,
        memoryLimitInMB: '512',
      },
    });
    // Nothing of the platform's own environment leaks into the function's.
    expect(response.body.env.path).toBeUndefined();
    expect(response.body.context.remainingMs).toBeGreaterThan(8_000);
    expect(response.body.context.remainingMs).toBeLessThanOrEqual(10_000);
    expect(lines).toContain(
      `${localNames.function('alpha', 'echo')} | echo called with {"hello":"world"}`,
    );
  });

  it('returns the tail of the invocation log on request (LogType Tail)', async () => {
    const response = await lambda.send(
      new InvokeCommand({
        FunctionName: localNames.function('alpha', 'echo'),
        Payload: JSON.stringify({ tail: 1 }),
        LogType: 'Tail',
      }),
    );
    const log = Buffer.from(response.LogResult ?? '', 'base64').toString('utf8');
    expect(log).toMatch(/^START RequestId: \S+ Version: \$LATEST\n/);
    expect(log).toContain('echo called with {"tail":1}\n');
    expect(log).toMatch(/END RequestId: \S+\nREPORT RequestId: \S+ Duration: [\d.]+ ms\n$/);
  });

  it('reports a thrown error as Unhandled with errorType, errorMessage and trace', async () => {
    const response = await invoke(localNames.function('alpha', 'fail'), { n: 1 });
    expect(response.StatusCode).toBe(200);
    expect(response.FunctionError).toBe('Unhandled');
    expect(response.body).toEqual({
      errorType: 'SoldOut',
      errorMessage: 'no seats left for {"n":1}',
      trace: expect.arrayContaining([expect.stringContaining('SoldOut: no seats left')]),
    });
  });

  it('stops a function at its timeout, as Lambda does', async () => {
    const started = Date.now();
    const response = await invoke(localNames.function('alpha', 'slow'), {});
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(response.FunctionError).toBe('Unhandled');
    expect(response.body).toMatchObject({
      errorType: 'Sandbox.Timedout',
      errorMessage: expect.stringContaining('Task timed out after 1.00 seconds'),
    });
  });

  it("does not count the init phase in the function's timeout, as Lambda does not", async () => {
    const response = await invoke(localNames.function('alpha', 'slowInit'), {});
    expect(response.FunctionError).toBeUndefined();
    expect(response.body).toEqual({ warm: true });
  });

  it('names the function whose entry file is missing', async () => {
    const response = await invoke(localNames.function('alpha', 'missing'), {});
    expect(response.FunctionError).toBe('Unhandled');
    expect(response.body.errorType).toBe('Runtime.ImportModuleError');
    expect(response.body.errorMessage).toContain(localNames.function('alpha', 'missing'));
    expect(response.body.errorMessage).toContain('src/handlers/missing.ts');
    expect(lines).toContain(
      `${localNames.function('alpha', 'missing')} | its entry src/handlers/missing.ts does not exist yet: invocations fail`,
    );
  });
});

describe('sandboxes', () => {
  it('runs concurrent invocations in separate workers up to the limit, then in a warm one', async () => {
    const concurrent = await Promise.all(
      Array.from({ length: FIXTURE_WORKERS_PER_FUNCTION + 1 }, () =>
        platform.lambda.call(localNames.function('alpha', 'echo'), { waitMs: 200 }),
      ),
    );
    const sandboxes = new Set(concurrent.map((r) => (r as { sandbox: number }).sandbox));
    expect(sandboxes.size).toBe(FIXTURE_WORKERS_PER_FUNCTION);
    const next = (await platform.lambda.call(localNames.function('alpha', 'echo'), {})) as {
      sandbox: number;
    };
    expect(sandboxes.has(next.sandbox)).toBe(true);
  });
});

describe('warming', () => {
  it('loads a worker of each function ahead of its first invocation, which then finds it warm', async () => {
    await platform.lambda.warmAll();
    const started = performance.now();
    expect(await platform.lambda.call(localNames.function('alpha', 'warmable'), {})).toEqual({
      warm: true,
    });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('Event', () => {
  it('answers 202, retries twice, then leaves the event in the on-failure destination', async () => {
    const response = await lambda.send(
      new InvokeCommand({
        FunctionName: localNames.function('alpha', 'onPayment'),
        InvocationType: 'Event',
        Payload: JSON.stringify({ attempt: 'async' }),
      }),
    );
    expect(response.StatusCode).toBe(202);
    await expect
      .poll(() => platform.lambda.deadLetters(localNames.function('alpha', 'onPayment')), {
        timeout: 10_000,
      })
      .toHaveLength(1);
    expect(platform.lambda.deadLetters(localNames.function('alpha', 'onPayment'))[0]).toMatchObject(
      {
        requestContext: {
          functionArn: `arn:aws:lambda:us-east-1:000000000000:function:${localNames.function('alpha', 'onPayment')}:$LATEST`,
          condition: 'RetriesExhausted',
          approximateInvokeCount: 3,
        },
        requestPayload: { attempt: 'async' },
        responsePayload: { errorType: 'SoldOut' },
      },
    );
    const reports = lines.filter((l) =>
      l.startsWith(`${localNames.function('alpha', 'onPayment')} | REPORT`),
    );
    expect(reports).toHaveLength(3);
    const listed = await fetch(`${platform.endpoints.edge}/_local/lambda/dead-letters`);
    expect(((await listed.json()) as { DeadLetters: unknown[] }).DeadLetters).toHaveLength(1);
  });
});

describe('invoke permission', () => {
  it('refuses a caller the manifest does not list for a function without a route', async () => {
    await expect(invoke(localNames.function('alpha', 'internal'), {})).rejects.toThrow(
      expect.objectContaining({ name: 'AccessDeniedException' }),
    );
    await expect(
      platform.lambda.call(localNames.function('alpha', 'internal'), {}, 'gamma'),
    ).rejects.toThrow('not authorized');
  });

  it('lets a listed service, the owning service and the platform invoke it', async () => {
    const asBeta = new LambdaClient(clientConfig(platform.endpoints.edge ?? '', 'beta.test'));
    expect(
      (await invoke(localNames.function('alpha', 'internal'), { from: 'beta' }, asBeta)).body.event,
    ).toEqual({
      from: 'beta',
    });
    asBeta.destroy();
    expect(
      await platform.lambda.call(
        localNames.function('alpha', 'internal'),
        { from: 'alpha' },
        'alpha',
      ),
    ).toMatchObject({
      event: { from: 'alpha' },
    });
    expect(
      await platform.lambda.call(localNames.function('alpha', 'internal'), {
        from: 'platform',
      }),
    ).toMatchObject({
      event: { from: 'platform' },
    });
  });

  it('identifies a function calling another by the credentials it runs with', async () => {
    const response = await invoke(localNames.function('beta', 'callAlpha'), { via: 'beta' });
    expect(response.FunctionError).toBeUndefined();
    expect(response.body).toMatchObject({ event: { via: 'beta' } });
  });
});
