import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localNames } from '../../src/naming.ts';
import { shopper, watchOrder } from '../../src/shopper/checkout.ts';
import { seatsLeft } from '../../src/testing/probes.ts';
import { type RepoPlatform, startRepoPlatform } from '../../src/testing/repo-platform.ts';

/**
 * Requests an attacker (or a broken client) sends, each of which once stopped the whole platform
 * or reached into every object of its process. After each one the platform must still answer,
 * and after all of them a buyer must still get their tickets.
 */

let local: RepoPlatform;
beforeAll(async () => {
  local = await startRepoPlatform({ seed: true });
}, 90_000);
afterAll(() => local?.close());
afterEach(async () => {
  for (const endpoint of [local.endpoints.api, local.endpoints.edge]) {
    expect((await fetch(`${endpoint}/health`)).status).toBe(200);
  }
  expect(Object.prototype).not.toHaveProperty('polluted');
});

/** One request exactly as written (no client normalizes it): the status code and the body. */
const raw = (url: string, target: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), body });
    });
    const lines = Object.entries({ host: hostname, ...headers }).map(
      ([name, value]) => `${name}: ${value}`,
    );
    // HTTP/1.0: the answer comes whole (not chunked), and the server closes when it is done.
    socket.write(`GET ${target} HTTP/1.0\r\n${lines.join('\r\n')}\r\n\r\n`);
  });

const OBJECT_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];

const cartOf = () => {
  const event = local.seed?.event;
  const ticketType = event?.ticketTypes[0];
  if (!event || !ticketType) throw new Error('seeded platform expected');
  return {
    eventId: event.eventId,
    items: [{ ticketTypeId: ticketType.ticketTypeId, quantity: 1 }],
    address: { country: 'US', postalCode: '10036' },
  };
};

describe('the API', () => {
  it.each(['//', '//x:99999/events', '//evil.example/events', '*'])(
    'answers the request target %s with 400 problem+json',
    async (target) => {
      const answer = await raw(local.endpoints.api, target);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 400, title: 'Bad Request' });
    },
  );

  it.each(OBJECT_KEYS)(
    'reads a query parameter, a header and a path value named %s',
    async (key) => {
      const query = await raw(local.endpoints.api, `/events?${key}=1&${key}=2&${key}%5Bx%5D=3`);
      expect(query.status).toBe(200);
      const header = await raw(local.endpoints.api, '/events', { [key]: '1' });
      expect(header.status).toBe(200);
      const event = await fetch(`${local.endpoints.api}/events/${key}`);
      expect([400, 404]).toContain(event.status);
      const order = await fetch(`${local.endpoints.api}/orders/${key}`, {
        headers: { authorization: 'Bearer x', [key]: 'y' },
      });
      expect(order.status).toBe(401);
    },
  );

  it('quotes a cart whose body also carries keys named like Object members, ignoring them', async () => {
    const body = `{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"toString":1,${JSON.stringify(
      cartOf(),
    ).slice(1)}`;
    const response = await fetch(`${local.endpoints.api}/payments/calculate-tax`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ currency: 'usd' });
  });

  it.each(['text/plain', 'image/png', 'application/x-www-form-urlencoded'])(
    'answers 415 problem+json to a valid checkout sent as %s, and holds no seat',
    async (contentType) => {
      const cart = cartOf();
      const ticketTypeId = cart.items[0]?.ticketTypeId as string;
      const before = await seatsLeft(local, cart.eventId, ticketTypeId);
      const response = await fetch(`${local.endpoints.api}/payments/createPaymentIntent`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: JSON.stringify({ ...cart, buyer: { email: 'typo@example.com', name: 'Ty' } }),
      });
      expect(response.status).toBe(415);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({
        status: 415,
        errors: [{ path: 'headers.content-type' }],
      });
      expect(await seatsLeft(local, cart.eventId, ticketTypeId)).toBe(before);
    },
  );

  it.each(['/payments/createPaymentIntent', '/payments/webhook', '/events'])(
    'answers 413 to a 7 MB body sent to %s, before any function runs',
    async (path) => {
      const before = local.lines.length;
      const response = await fetch(`${local.endpoints.api}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"pad":"${'x'.repeat(7 * 1024 * 1024)}"}`,
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ status: 413, title: 'Content Too Large' });
      expect(local.lines.slice(before).some((l) => l.includes('| REPORT'))).toBe(false);
    },
  );

  it('refuses a cursor that is not one it gave out (deep, large or another shape) with 400', async () => {
    const deep = `${'['.repeat(2000)}${']'.repeat(2000)}`;
    const cursors = [
      deep,
      JSON.stringify({ pk: { L: JSON.parse(deep) }, sk: 'x' }),
      JSON.stringify({ pk: 'x'.repeat(5000), sk: 'y' }),
      JSON.stringify({ pk: 'EVENT#ev_1', sk: 'EVENT', listing: 'DRAFT', startsAt: 'x' }),
    ].map((json) => Buffer.from(json).toString('base64url'));
    for (const cursor of cursors) {
      const response = await fetch(`${local.endpoints.api}/events?cursor=${cursor}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { errors: unknown }).errors).toEqual([
        expect.objectContaining({ path: 'query.cursor' }),
      ]);
    }
  });
});

describe('the AWS edge', () => {
  it('answers the request target // with 400', async () => {
    expect((await raw(local.endpoints.edge, '//')).status).toBe(400);
  });

  it('refuses a DynamoDB document nested past DynamoDB’s 32 levels, as DynamoDB does', async () => {
    let value = '{"S":"x"}';
    for (let i = 0; i < 3000; i++) value = `{"L":[${value}]}`;
    const response = await fetch(local.endpoints.edge, {
      method: 'POST',
      headers: {
        'x-amz-target': 'DynamoDB_20120810.GetItem',
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-date': '20261201T000000Z',
        authorization:
          'AWS4-HMAC-SHA256 Credential=test/20261201/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: `{"TableName":"${localNames.table('ticketing')}","Key":{"pk":${value}}}`,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      __type: 'com.amazonaws.dynamodb.v20120810#ValidationException',
      message: 'Nesting Levels have exceeded supported limits',
    });
  });
});

describe('the Stripe emulator', () => {
  const post = (path: string, form: string) =>
    fetch(`${local.endpoints.stripe}${path}`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer sk_test_hostile',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: form,
    });

  it.each(['__proto__[polluted]=1', 'constructor[prototype][polluted]=1'])(
    'refuses %s as an unknown parameter',
    async (param) => {
      const response = await post('/v1/payment_intents', `amount=1000&currency=usd&${param}`);
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { type: string; code: string } };
      expect(error).toMatchObject({ type: 'invalid_request_error', code: 'parameter_unknown' });
    },
  );

  it('keeps a metadata key named __proto__ off every object', async () => {
    const response = await post(
      '/v1/payment_intents',
      'amount=1000&currency=usd&metadata[__proto__][polluted]=1&metadata[order]=x',
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { metadata: unknown }).metadata).toEqual({ order: 'x' });
  });

  it('answers a request target that is not a path as an unrecognized URL', async () => {
    const answer = await raw(local.endpoints.stripe, '//x:99999/v1/payment_intents', {
      authorization: 'Bearer sk_test_hostile',
    });
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body).error.message).toMatch(/^Unrecognized request URL/);
  });
});

it('still sells a ticket after all of the above', async () => {
  const buyer = shopper(local.endpoints);
  const quote = await buyer.quote(cartOf());
  const placed = await buyer.createPaymentIntent(
    { ...cartOf(), taxCalculationId: quote.taxCalculationId },
    { email: 'still.here@example.com', name: 'Still Here' },
  );
  await buyer.pay(placed.paymentIntentId);
  const order = await watchOrder(buyer, placed.orderId, placed.orderToken);
  expect(order.status).toBe('FULFILLED');
  expect(order.tickets).toHaveLength(1);
}, 60_000);
