import { Problem } from '@mytabs/contracts/api/problem';
import { MAX_REQUEST_BODY_BYTES } from '@mytabs/contracts/api/request-limits';
import { type LoadedManifest, loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../../src/api/api.ts';
import { api as apiComponent } from '../../src/api/api-component.ts';
import type { GatewayProblem } from '../../src/api/gateway-responses.ts';
import { type Platform, startPlatform } from '../../src/platform.ts';
import { fixtureRoot } from '../fixtures/api/fixture-root.ts';
import { send } from '../fixtures/api/http-request.ts';

const stageArn = 'arn:aws:execute-api:us-east-1:000000000000:mytabslocl/prod';
const logged: string[] = [];

/** The platform with only the API in front of the local Lambda, on free ports. */
const startApiPlatform = async (manifests: readonly LoadedManifest[]) => {
  const platform = await startPlatform({
    manifests,
    components: [apiComponent],
    log: (line) => logged.push(line),
  });
  const url = platform.endpoints.api as string;
  return { platform, url, port: Number(new URL(url).port) };
};

let platform: Platform;
let api: { url: string; port: number };
beforeAll(async () => {
  ({ platform, ...api } = await startApiPlatform(await loadManifests(fixtureRoot)));
});
afterAll(() => platform.close());

const expectProblem = (
  res: Awaited<ReturnType<typeof send>>,
  status: number,
  errorType: string,
  path: string,
) => {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toBe('application/problem+json');
  expect(res.headers['x-amzn-errortype']).toBe(errorType);
  const problem = res.json<GatewayProblem>();
  expect(Problem.safeParse(problem).success).toBe(true);
  expect(problem).toEqual({
    type: 'about:blank',
    title: expect.any(String),
    status,
    detail: expect.any(String),
    instance: path,
    requestId: res.headers['x-amzn-requestid'],
  });
  return problem;
};

describe('the proxy event', () => {
  it('carries what API Gateway sends a Lambda proxy integration, field by field', async () => {
    const res = await send(`${api.url}/items/a%2Bb?size=m&tag=x&tag=y&empty=`, {
      headers: { 'User-Agent': 'tests/1.0', 'X-Echo': ['one', 'two'] },
    });
    expect(res.status).toBe(200);
    const event = res.json<APIGatewayProxyEvent>();
    expect(Object.keys(event).sort()).toEqual(
      [
        'resource',
        'path',
        'httpMethod',
        'headers',
        'multiValueHeaders',
        'queryStringParameters',
        'multiValueQueryStringParameters',
        'pathParameters',
        'stageVariables',
        'requestContext',
        'body',
        'isBase64Encoded',
      ].sort(),
    );
    expect(event.resource).toBe('/items/{itemId}');
    expect(event.path).toBe('/items/a%2Bb');
    expect(event.httpMethod).toBe('GET');
    expect(event.pathParameters).toEqual({ itemId: 'a+b' });
    expect(event.stageVariables).toBeNull();
    expect(event.body).toBeNull();
    expect(event.isBase64Encoded).toBe(false);
    // Multi-value: every value in the multi-value maps, the last one in the single-value maps.
    expect(event.queryStringParameters).toEqual({ size: 'm', tag: 'y', empty: '' });
    expect(event.multiValueQueryStringParameters).toEqual({
      size: ['m'],
      tag: ['x', 'y'],
      empty: [''],
    });
    expect(event.headers['X-Echo']).toBe('two');
    expect(event.multiValueHeaders['X-Echo']).toEqual(['one', 'two']);
    expect(event.headers['User-Agent']).toBe('tests/1.0');
    expect(event.headers['X-Forwarded-For']).toBe('127.0.0.1');
    expect(event.headers['X-Forwarded-Proto']).toBe('http');
    // With tracing on, as API Gateway passes it: the trace, the stage's segment, sampled.
    expect(event.headers['X-Amzn-Trace-Id']).toMatch(
      /^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=1$/,
    );

    const ctx = event.requestContext;
    expect(ctx).toEqual({
      accountId: '000000000000',
      apiId: 'mytabslocl',
      domainName: `127.0.0.1:${api.port}`,
      domainPrefix: '127',
      extendedRequestId: res.headers['x-amz-apigw-id'],
      httpMethod: 'GET',
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: '127.0.0.1',
        user: null,
        userAgent: 'tests/1.0',
        userArn: null,
      },
      path: '/prod/items/a%2Bb',
      protocol: 'HTTP/1.1',
      requestId: res.headers['x-amzn-requestid'],
      requestTime: expect.stringMatching(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/),
      requestTimeEpoch: expect.any(Number),
      resourceId: expect.stringMatching(/^[0-9a-f]{6}$/),
      resourcePath: '/items/{itemId}',
      stage: 'prod',
    });
    expect(Math.abs(ctx.requestTimeEpoch - Date.now())).toBeLessThan(5_000);
    expect(ctx.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('passes a text body base64-encoded, as every type is binary (`*/*`), and answers the handler multi-value headers', async () => {
    const body = '{"b": 2,  "a": 1}';
    const res = await send(`${api.url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-echo': ['a', 'b'] },
      body,
    });
    const event = res.json<APIGatewayProxyEvent>();
    expect(Buffer.from(event.body ?? '', 'base64').toString('utf8')).toBe(body);
    expect(event.isBase64Encoded).toBe(true);
    expect(event.queryStringParameters).toBeNull();
    expect(event.multiValueQueryStringParameters).toBeNull();
    expect(event.pathParameters).toBeNull();
    expect(res.headers['x-echo']).toBe('a, b');
  });

  it('round-trips a binary body as base64', async () => {
    const bytes = Buffer.from([0, 255, 1, 254, 0x80, 10, 13]);
    const res = await send(`${api.url}/files`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.body).toEqual(Buffer.from(bytes).reverse());
  });

  it('prefers a literal path segment to a parameter', async () => {
    const res = await send(`${api.url}/items/featured`);
    expect(res.json()).toEqual({ featured: true });
    expect(res.headers['content-type']).toBe('application/json');
  });
});

describe('the authorizer', () => {
  it('passes an Allow with its context (as strings) to the handler', async () => {
    const res = await send(`${api.url}/me`, { headers: { Authorization: 'Bearer allow' } });
    expect(res.status).toBe(200);
    const { authorizer } = res.json<APIGatewayProxyEvent>().requestContext;
    expect(authorizer).toEqual({
      principalId: 'usr_1',
      userId: 'usr_1',
      groups: '["organizer"]',
      admin: 'true',
      calls: expect.any(String),
      integrationLatency: expect.any(Number),
    });
  });

  it('receives a REQUEST authorizer event for the method ARN', async () => {
    const res = await send(`${api.url}/orders/ord_1?x=1`, {
      headers: { Authorization: 'Bearer allow-echo-event' },
    });
    expect(res.status).toBe(200);
    const event = JSON.parse(res.json<APIGatewayProxyEvent>().requestContext.authorizer?.event);
    expect(event).toMatchObject({
      type: 'REQUEST',
      methodArn: `${stageArn}/GET/orders/ord_1`,
      resource: '/orders/{orderId}',
      path: '/orders/ord_1',
      httpMethod: 'GET',
      headers: { Authorization: 'Bearer allow-echo-event' },
      multiValueHeaders: { Authorization: ['Bearer allow-echo-event'] },
      queryStringParameters: { x: '1' },
      multiValueQueryStringParameters: { x: ['1'] },
      pathParameters: { orderId: 'ord_1' },
      stageVariables: null,
      requestContext: {
        resourcePath: '/orders/{orderId}',
        stage: 'prod',
        path: '/prod/orders/ord_1',
      },
    });
    expect(event.requestContext.authorizer).toBeUndefined();
  });

  it('caches an answer per token and evaluates it against each method ARN', async () => {
    const first = await send(`${api.url}/me`, { headers: { Authorization: 'Bearer only-me' } });
    expect(first.status).toBe(200);
    const other = await send(`${api.url}/orders/ord_2`, {
      headers: { Authorization: 'Bearer only-me' },
    });
    expectProblem(other, 403, 'AccessDeniedException', '/orders/ord_2');

    const again = await send(`${api.url}/me`, { headers: { Authorization: 'Bearer allow' } });
    const calls = (r: typeof again) =>
      r.json<APIGatewayProxyEvent>().requestContext.authorizer?.calls;
    const second = await send(`${api.url}/me`, { headers: { Authorization: 'Bearer allow' } });
    expect(calls(second)).toBe(calls(again));
  });

  it('answers 403 on a Deny', async () => {
    const res = await send(`${api.url}/me`, { headers: { Authorization: 'Bearer deny' } });
    expectProblem(res, 403, 'AccessDeniedException', '/me');
  });

  it('answers 401 when the authorizer throws Unauthorized, or without a token', async () => {
    const bad = await send(`${api.url}/me`, { headers: { Authorization: 'Bearer nonsense' } });
    expectProblem(bad, 401, 'UnauthorizedException', '/me');
    const none = await send(`${api.url}/me`);
    expectProblem(none, 401, 'UnauthorizedException', '/me');
  });

  it('answers 500 when the authorizer fails or its context is not flat', async () => {
    const broken = await send(`${api.url}/me`, { headers: { Authorization: 'Bearer broken' } });
    expectProblem(broken, 500, 'AuthorizerConfigurationException', '/me');
    const nested = await send(`${api.url}/me`, { headers: { Authorization: 'Bearer nested' } });
    expectProblem(nested, 500, 'AuthorizerConfigurationException', '/me');
  });

  it('answers 401 on protected routes when no authorizer is declared', async () => {
    const loaded = await loadManifests(fixtureRoot);
    const bare = await startApiPlatform(
      loaded.map((l) => ({ ...l, manifest: { ...l.manifest, authorizer: undefined } })),
    );
    try {
      const res = await send(`${bare.url}/me`, { headers: { Authorization: 'Bearer allow' } });
      expectProblem(res, 401, 'UnauthorizedException', '/me');
    } finally {
      await bare.platform.close();
    }
  });
});

describe("API Gateway's own answers", () => {
  it('answers an unknown route, or a known path with another method, 404', async () => {
    expectProblem(
      await send(`${api.url}/nowhere`),
      404,
      'MissingAuthenticationTokenException',
      '/nowhere',
    );
    expectProblem(
      await send(`${api.url}/files`),
      404,
      'MissingAuthenticationTokenException',
      '/files',
    );
  });

  it('answers 502 with the request id when a handler throws, and keeps serving', async () => {
    const res = await send(`${api.url}/fail`);
    const problem = expectProblem(res, 502, 'InternalServerErrorException', '/fail');
    expect(
      logged.some((l) => l.includes(problem.requestId) && l.includes('the database is down')),
    ).toBe(true);
    expect((await send(`${api.url}/items/featured`)).status).toBe(200);
  });

  it('answers 502 for a malformed proxy response', async () => {
    expectProblem(
      await send(`${api.url}/malformed`),
      502,
      'InternalServerErrorException',
      '/malformed',
    );
  });

  it('answers 502 when a handler times out', async () => {
    const res = await send(`${api.url}/slow`);
    const problem = expectProblem(res, 502, 'InternalServerErrorException', '/slow');
    expect(logged.some((l) => l.includes(problem.requestId) && /timed out/i.test(l))).toBe(true);
  });

  it("answers the WAF's 413 to a body over the API's limit, before any function runs", async () => {
    const before = logged.length;
    const res = await send(`${api.url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(MAX_REQUEST_BODY_BYTES + 1, 97),
    });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.json()).toMatchObject({ status: 413, title: 'Content Too Large' });
    expect(logged.slice(before).some((l) => l.includes('REPORT'))).toBe(false);
  });

  it("answers GET /health 503 before the platform is ready, then by the manifests' route", async () => {
    const ready = await send(`${api.url}/health`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok' });
    const starting = await startApi({
      routes: [],
      authorizer: undefined,
      binaryMediaTypes: [],
      bodyLimit: { maxBytes: 1024, answer: { status: 413, contentType: 'text/plain', body: '' } },
      invoke: () => Promise.reject(new Error('nothing to invoke')),
      port: 0,
      isReady: () => false,
      log: () => {},
    });
    try {
      expect((await send(`${starting.url}/health`)).status).toBe(503);
    } finally {
      await starting.stop();
    }
  });
});
