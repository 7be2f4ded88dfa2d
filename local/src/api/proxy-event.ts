import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { ACCOUNT } from '../naming.ts';
import { parseRequestTarget } from '../request-target.ts';
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
  /** The `X-Amzn-Trace-Id` the stage passes on to the functions it invokes. */
  traceHeader: string;
  sourceIp: string;
  protocol: string;
  receivedAt: Date;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** API Gateway's CLF request time: `25/Nov/2026:17:52:35 +0000`. */
export const clfTime = (d: Date) =>
  `${two(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;

/**
 * Name/value pairs as API Gateway's two maps: every value by name, and the last one. The client
 * names the keys (`constructor`, `__proto__` are names like any other), so they are gathered in
 * a `Map` and become own properties only.
 */
const singleAndMulti = (pairs: Iterable<readonly [string, string]>) => {
  const byName = new Map<string, string[]>();
  for (const [name, value] of pairs) byName.set(name, [...(byName.get(name) ?? []), value]);
  const entries = [...byName];
  return {
    single: Object.fromEntries(entries.map(([name, values]) => [name, values.at(-1) as string])),
    multi: Object.fromEntries(entries),
  };
};

function* headerPairs(raw: readonly string[]) {
  for (let i = 0; i + 1 < raw.length; i += 2)
    yield [raw[i] as string, raw[i + 1] as string] as const;
}

/**
 * Headers as API Gateway passes them: the client's spelling kept, every value in
 * `multiValueHeaders`, the last one in `headers`; the headers its front end adds replace any the
 * client sent under the same spelling.
 */
const readHeaders = (req: IncomingMessage, sourceIp: string, traceHeader: string) => {
  const added = new Map([
    ['X-Forwarded-For', sourceIp],
    ['X-Forwarded-Port', String(req.socket.localPort ?? '')],
    ['X-Forwarded-Proto', 'http'],
    ['X-Amzn-Trace-Id', traceHeader],
  ]);
  const sent = [...headerPairs(req.rawHeaders)].filter(([name]) => !added.has(name));
  const { single, multi } = singleAndMulti([...sent, ...added]);
  return { headers: single, multiValueHeaders: multi };
};

const readQuery = (search: URLSearchParams) => {
  if (search.size === 0) return { single: null, multi: null };
  return singleAndMulti(search);
};

/** The ids API Gateway gives every request it answers, whatever the answer. */
export const newRequestIds = () => ({
  requestId: randomUUID(),
  extendedRequestId: randomBytes(12).toString('base64'),
});

export const readGatewayRequest = (
  req: IncomingMessage,
  body: Buffer,
  ids: ReturnType<typeof newRequestIds>,
  /** The stage's segment's header (or a new trace's, untraced): what the function receives. */
  traceHeader: string,
): GatewayRequest => {
  const receivedAt = new Date();
  const url = parseRequestTarget(req.url ?? '/');
  const sourceIp = (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const query = readQuery(url.searchParams);
  return {
    ...ids,
    method: req.method ?? 'GET',
    path: url.pathname,
    ...readHeaders(req, sourceIp, traceHeader),
    traceHeader,
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
  binaryMediaTypes: readonly string[],
): APIGatewayProxyEvent => {
  const binary = isBinaryMediaType(binaryMediaTypes, headerValue(request, 'content-type'));
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
