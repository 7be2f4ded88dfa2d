import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { ACCOUNT } from '../naming.ts';
import { isBinaryMediaType, resourceId, restApi } from './rest-api.ts';
import type { RouteMatch } from './route-table.ts';

/** What API Gateway knows of a request before any integration runs. */
export interface GatewayRequest {
  requestId: string;
  extendedRequestId: string;
  method: string;
  /** Path without the query string, as the client sent it. */
  path: string;
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  queryStringParameters: Record<string, string> | null;
  multiValueQueryStringParameters: Record<string, string[]> | null;
  body: Buffer;
  sourceIp: string;
  protocol: string;
  receivedAt: Date;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** API Gateway's CLF request time: `25/Nov/2026:17:52:35 +0000`. */
export const clfTime = (d: Date) =>
  `${two(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;

/** A trace header as X-Ray writes it: `Root=1-<epoch hex>-<24 hex>`. */
const traceId = (d: Date) =>
  `Root=1-${Math.floor(d.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;

/**
 * Headers as API Gateway passes them: the client's spelling kept, every value in
 * `multiValueHeaders`, the last one in `headers`; plus the headers its front end adds.
 */
const readHeaders = (req: IncomingMessage, sourceIp: string, receivedAt: Date) => {
  const multi: Record<string, string[]> = {};
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    multi[name] = [...(multi[name] ?? []), raw[i + 1] as string];
  }
  const port = String(req.socket.localPort ?? '');
  multi['X-Forwarded-For'] = [sourceIp];
  multi['X-Forwarded-Port'] = [port];
  multi['X-Forwarded-Proto'] = ['http'];
  multi['X-Amzn-Trace-Id'] = [traceId(receivedAt)];
  const single = Object.fromEntries(
    Object.entries(multi).map(([name, values]) => [name, values.at(-1) as string]),
  );
  return { headers: single, multiValueHeaders: multi };
};

const readQuery = (search: URLSearchParams) => {
  const multi: Record<string, string[]> = {};
  for (const [name, value] of search) multi[name] = [...(multi[name] ?? []), value];
  if (Object.keys(multi).length === 0) return { single: null, multi: null };
  const single = Object.fromEntries(
    Object.entries(multi).map(([name, values]) => [name, values.at(-1) as string]),
  );
  return { single, multi };
};

export const readGatewayRequest = (req: IncomingMessage, body: Buffer): GatewayRequest => {
  const receivedAt = new Date();
  const url = new URL(req.url ?? '/', 'http://api');
  const sourceIp = (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const query = readQuery(url.searchParams);
  return {
    requestId: randomUUID(),
    extendedRequestId: randomBytes(12).toString('base64'),
    method: req.method ?? 'GET',
    path: url.pathname,
    ...readHeaders(req, sourceIp, receivedAt),
    queryStringParameters: query.single,
    multiValueQueryStringParameters: query.multi,
    body,
    sourceIp,
    protocol: `HTTP/${req.httpVersion}`,
    receivedAt,
  };
};

const headerValue = (request: GatewayRequest, name: string) =>
  Object.entries(request.headers).find(([key]) => key.toLowerCase() === name)?.[1];

type RequestContext = Omit<APIGatewayProxyEvent['requestContext'], 'authorizer'>;

/**
 * The request context of both the proxy event and the REQUEST authorizer event; `authorizer` is
 * present only once an authorizer allowed the request.
 */
export const requestContext = (request: GatewayRequest, resourcePath: string): RequestContext => {
  const domainName = headerValue(request, 'host') ?? '127.0.0.1';
  return {
    accountId: ACCOUNT,
    apiId: restApi.apiId,
    domainName,
    domainPrefix: domainName.split(/[.:]/)[0] ?? domainName,
    extendedRequestId: request.extendedRequestId,
    httpMethod: request.method,
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
      sourceIp: request.sourceIp,
      user: null,
      userAgent: headerValue(request, 'user-agent') ?? null,
      userArn: null,
    },
    path: `/${restApi.stage}${request.path}`,
    protocol: request.protocol,
    requestId: request.requestId,
    requestTime: clfTime(request.receivedAt),
    requestTimeEpoch: request.receivedAt.getTime(),
    resourceId: resourceId(resourcePath),
    resourcePath,
    stage: restApi.stage,
  };
};

/**
 * The event API Gateway's Lambda proxy integration (payload 1.0) sends: the body untouched, or
 * base64 with `isBase64Encoded` for a binary media type; null where a part is empty.
 */
export const proxyEvent = (
  request: GatewayRequest,
  match: RouteMatch,
  authorizer: Record<string, string | number> | undefined,
): APIGatewayProxyEvent => {
  const binary = isBinaryMediaType(headerValue(request, 'content-type'));
  const context = requestContext(request, match.route.resourcePath);
  return {
    resource: match.route.resourcePath,
    path: request.path,
    httpMethod: request.method,
    headers: request.headers,
    multiValueHeaders: request.multiValueHeaders,
    queryStringParameters: request.queryStringParameters,
    multiValueQueryStringParameters: request.multiValueQueryStringParameters,
    pathParameters: Object.keys(match.pathParameters).length > 0 ? match.pathParameters : null,
    stageVariables: null,
    requestContext: (authorizer
      ? { ...context, authorizer }
      : context) as APIGatewayProxyEvent['requestContext'],
    body: request.body.length === 0 ? null : request.body.toString(binary ? 'base64' : 'utf8'),
    isBase64Encoded: binary,
  };
};
