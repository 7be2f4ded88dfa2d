/// <reference path="../../../local/src/dynamodb/dynalite.d.ts" />
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpProblem } from '../src/http/http-result.ts';
import { idempotentRequest } from '../src/http/idempotent-request.ts';

/** A service table (pk, sk) in dynalite, as the function's environment names it. */
const server = dynalite({ createTableMs: 0 });
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_LAMBDA_FUNCTION_NAME: 'mytabs-test-shop-pay',
    TABLE_NAME: 'mytabs-test-shop',
    POWERTOOLS_TRACE_ENABLED: 'false',
  });
  const client = new DynamoDBClient({});
  await client.send(
    new CreateTableCommand({
      TableName: 'mytabs-test-shop',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
    }),
  );
  client.destroy();
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** A request body run at most once per key; `runs` counts how often it really ran. */
const counted = () => {
  const ran = { runs: 0 };
  return {
    ran,
    answer: (result: () => Promise<{ status: number; body?: unknown }>) => async () => {
      ran.runs += 1;
      return result();
    },
  };
};

const request = (idempotencyKey: string, payload: unknown = { amount: 10 }) => ({
  idempotencyKey,
  payload,
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('idempotent requests', () => {
  it('runs a success once and gives it again under the same key', async () => {
    const { ran, answer } = counted();
    const run = answer(async () => ({ status: 201, body: { orderId: 'ord_1' } }));
    const first = await idempotentRequest(request('k-success'), undefined, run);
    const again = await idempotentRequest(request('k-success'), undefined, run);
    expect(again).toEqual(first);
    expect(ran.runs).toBe(1);
  });

  it('gives a 4xx the domain decided again, without running again', async () => {
    const { ran, answer } = counted();
    const run = answer(async () => {
      throw new HttpProblem(409, 'Sold out.', { code: 'sold-out' });
    });
    for (let i = 0; i < 2; i++) {
      expect(await failure(idempotentRequest(request('k-refused'), undefined, run))).toMatchObject({
        status: 409,
        detail: 'Sold out.',
        extra: { code: 'sold-out' },
      });
    }
    expect(ran.runs).toBe(1);
  });

  it('stores nothing for a 5xx or a crash, so the retry runs again', async () => {
    const { ran, answer } = counted();
    let fail = true;
    const run = answer(async () => {
      if (fail) throw new HttpProblem(502, 'Stripe is down.');
      return { status: 201, body: { ok: true } };
    });
    expect(await failure(idempotentRequest(request('k-upstream'), undefined, run))).toMatchObject({
      status: 502,
    });
    fail = false;
    expect(await idempotentRequest(request('k-upstream'), undefined, run)).toEqual({
      status: 201,
      body: { ok: true },
    });
    expect(ran.runs).toBe(2);
  });

  it('refuses the same key with another payload (422)', async () => {
    const run = async () => ({ status: 201 });
    await idempotentRequest(request('k-payload', { amount: 10 }), undefined, run);
    expect(
      await failure(idempotentRequest(request('k-payload', { amount: 11 }), undefined, run)),
    ).toMatchObject({ status: 422 });
  });

  it('tells a duplicate in flight to come back later (409 with Retry-After)', async () => {
    let finish = () => {};
    const slow = () =>
      new Promise<{ status: number }>((resolve) => {
        finish = () => resolve({ status: 201 });
      });
    const first = idempotentRequest(request('k-flight'), undefined, slow);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const duplicate = await failure(
      idempotentRequest(request('k-flight'), undefined, async () => ({ status: 500 })),
    );
    expect(duplicate).toMatchObject({ status: 409, headers: { 'retry-after': '2' } });
    finish();
    expect(await first).toEqual({ status: 201 });
  });
});
