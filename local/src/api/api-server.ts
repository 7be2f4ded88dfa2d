import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Plan, RoutePlan } from '@mytabs/plan';
import { MalformedRequestTarget } from '../request-target.ts';
import type { LocalTraces } from '../xray/local-traces.ts';
import { createAuthorizer } from './authorizer.ts';
import type { InvokeFunction } from './function-invoker.ts';
import { type GatewayResponseType, gatewayProblem } from './gateway-responses.ts';
import {
  type GatewayRequest,
  newRequestIds,
  proxyEvent,
  readGatewayRequest,
} from './proxy-event.ts';
import { httpAnswerOf } from './proxy-result.ts';
import { matchRoute, routesOf } from './route-table.ts';
import { stageSegment } from './stage-segment.ts';

export interface ApiServerOptions {
  routes: readonly RoutePlan[];
  authorizer: Plan['authorizer'];
  binaryMediaTypes: readonly string[];
  /** What the WAF answers on AWS to a body over the limit, before API Gateway's own 10 MB one. */
  bodyLimit: Plan['api']['bodyLimit'];
  invoke: InvokeFunction;
  /** The stage's segments, named `<api name>/prod` as API Gateway names them; absent: untraced. */
  tracing?: { traces: LocalTraces; apiName: string };
  /** Until it holds, `GET /health` answers 503; then the route of the manifests answers it. */
  isReady: () => boolean | Promise<boolean>;
  log: (line: string) => void;
}

/**
 * The whole body, or `undefined` past `maxBytes`. An oversized body is still read to its end (and
 * dropped), so the client gets the 413 rather than a reset connection.
 */
const readBody = async (req: IncomingMessage, maxBytes: number) => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  return size > maxBytes ? undefined : Buffer.concat(chunks);
};

const apiGatewayHeaders = (request: { requestId: string; extendedRequestId: string }) => ({
  'x-amzn-RequestId': request.requestId,
  'x-amz-apigw-id': request.extendedRequestId,
});

/**
 * The REST API (stage `prod`) on one HTTP server: the manifests' routes, the authorizer in front
 * of protected ones, each request a proxy event for the route's function through the local
 * Lambda, and API Gateway's own answers as problem+json.
 */
export const createApiServer = ({
  routes: planned,
  authorizer: planAuthorizer,
  binaryMediaTypes,
  bodyLimit,
  invoke,
  tracing,
  isReady,
  log,
}: ApiServerOptions) => {
  const routes = routesOf(planned);
  const authorize = createAuthorizer({
    functionName: planAuthorizer?.functionName,
    cacheTtlMs: (planAuthorizer?.cacheTtlS ?? 0) * 1000,
    invoke,
    log,
  });

  const answerProblem = (
    res: ServerResponse,
    type: GatewayResponseType,
    request: Pick<GatewayRequest, 'requestId' | 'extendedRequestId' | 'path'>,
  ) => {
    const problem = gatewayProblem(type, request);
    res.writeHead(problem.status, { ...problem.headers, ...apiGatewayHeaders(request) });
    res.end(problem.body);
  };

  const handle = async (res: ServerResponse, request: GatewayRequest) => {
    // Until the platform is up, its own answer: the manifests' `GET /health` has nothing to run on.
    if (request.method === 'GET' && request.path === '/health' && !(await isReady())) {
      res.writeHead(503, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ status: 'starting' }));
    }
    const match = matchRoute(routes, request.method, request.path);
    if (!match) return answerProblem(res, 'MISSING_AUTHENTICATION_TOKEN', request);
    let authorizer: Record<string, string | number> | undefined;
    if (match.route.auth !== 'public') {
      const authorization = await authorize(request, match);
      if (authorization.outcome !== 'allow') {
        const type = (
          {
            unauthorized: 'UNAUTHORIZED',
            denied: 'ACCESS_DENIED',
            misconfigured: 'AUTHORIZER_CONFIGURATION_ERROR',
          } as const
        )[authorization.outcome];
        return answerProblem(res, type, request);
      }
      authorizer = authorization.context;
    }
    const result = await invoke(
      match.route.functionName,
      proxyEvent(request, match, authorizer, binaryMediaTypes),
      request.traceHeader,
    );
    const answer = result.ok ? httpAnswerOf(result.payload) : undefined;
    if (!answer) {
      log(
        `api: ${request.method} ${request.path} (request ${request.requestId}) -> 502: ${
          result.ok
            ? `${match.route.functionName} answered a malformed Lambda proxy response`
            : `${match.route.functionName} failed: ${result.errorType}: ${result.errorMessage}`
        }`,
      );
      return answerProblem(res, 'DEFAULT_5XX', request);
    }
    const headers = { ...answer.headers, ...apiGatewayHeaders(request) };
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  };

  return createServer(async (req, res) => {
    const ids = newRequestIds();
    const trace = stageSegment(tracing, req, res);
    // Until the target is parsed, the problem's `instance` is what the client sent.
    const unparsed = { ...ids, path: (req.url ?? '').slice(0, 200) };
    let body: Buffer | undefined;
    try {
      body = await readBody(req, bodyLimit.maxBytes);
    } catch {
      // The client went away mid-body: nobody is left to answer.
      return res.destroy();
    }
    try {
      if (!body) {
        res.writeHead(bodyLimit.answer.status, { 'content-type': bodyLimit.answer.contentType });
        return res.end(bodyLimit.answer.body);
      }
      await handle(res, readGatewayRequest(req, body, ids, trace));
    } catch (error) {
      if (error instanceof MalformedRequestTarget) {
        return answerProblem(res, 'DEFAULT_4XX', unparsed);
      }
      log(`api: internal error (request ${ids.requestId}): ${(error as Error).stack ?? error}`);
      if (!res.headersSent) answerProblem(res, 'PLATFORM_ERROR', unparsed);
      else res.end();
    }
  });
};
