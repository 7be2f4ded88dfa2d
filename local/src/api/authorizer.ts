import { tokenIsOptional } from '@mytabs/contracts';
import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import * as z from 'zod';
import type { InvokeFunction } from './function-invoker.ts';
import { PolicyDocument, policyAllows } from './iam-policy.ts';
import type { GatewayRequest } from './proxy-event.ts';
import { requestContext } from './proxy-event.ts';
import { methodArn } from './rest-api.ts';
import type { RouteMatch } from './route-table.ts';

/** API Gateway accepts only flat string, number and boolean context values. */
const AuthorizerAnswer = z.object({
  principalId: z.string().min(1),
  policyDocument: PolicyDocument,
  context: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
type AuthorizerAnswer = z.infer<typeof AuthorizerAnswer>;

export type Authorization =
  | { outcome: 'allow'; context: Record<string, string | number> }
  | { outcome: 'unauthorized' | 'denied' | 'misconfigured' };

/**
 * The identity source the authorizer is configured with, as the CDK app declares it
 * (`method.request.header.Authorization`): a request without it is answered 401 before the
 * authorizer runs, and it is the cache key. Routes whose token is optional (`public-or-user`,
 * `token-or-link`) have the authorizer without an identity source and without caching, as the CDK app declares it too: it runs on every request.
 */
export const identitySourceHeader = 'authorization';
export interface AuthorizerOptions {
  /** The identity manifest's authorizer function, if one is declared. */
  functionName: string | undefined;
  /** The manifest's `authorizerCacheTtlS` in ms; 0 asks the authorizer on every request. */
  cacheTtlMs: number;
  invoke: InvokeFunction;
  log: (line: string) => void;
}

/**
 * The Lambda REQUEST authorizer in front of every protected route. Answers are cached per
 * identity source value for the TTL, and a cached policy is evaluated against each request's own
 * method ARN, exactly as API Gateway does (hence the design's policies that allow the whole stage).
 */
export const createAuthorizer = ({ functionName, cacheTtlMs, invoke, log }: AuthorizerOptions) => {
  const cache = new Map<string, { answer: AuthorizerAnswer; expiresAt: number }>();

  const ask = async (
    request: GatewayRequest,
    match: RouteMatch,
    arn: string,
  ): Promise<AuthorizerAnswer | Authorization> => {
    const event: APIGatewayRequestAuthorizerEvent = {
      type: 'REQUEST',
      methodArn: arn,
      resource: match.route.resourcePath,
      path: request.path,
      httpMethod: request.method,
      headers: request.headers,
      multiValueHeaders: request.multiValueHeaders,
      queryStringParameters: request.queryStringParameters,
      multiValueQueryStringParameters: request.multiValueQueryStringParameters,
      pathParameters: Object.keys(match.pathParameters).length > 0 ? match.pathParameters : null,
      stageVariables: null,
      requestContext: requestContext(
        request,
        match.route.resourcePath,
      ) as APIGatewayRequestAuthorizerEvent['requestContext'],
    };
    const result = await invoke(functionName as string, event, request.traceHeader);
    if (!result.ok) {
      if (result.errorMessage === 'Unauthorized') return { outcome: 'unauthorized' };
      log(
        `api: authorizer ${functionName} failed (request ${request.requestId}): ${result.errorType}: ${result.errorMessage}`,
      );
      return { outcome: 'misconfigured' };
    }
    const answer = AuthorizerAnswer.safeParse(result.payload);
    if (!answer.success) {
      log(
        `api: authorizer ${functionName} answered what API Gateway rejects (request ${request.requestId}): ${answer.error.message}`,
      );
      return { outcome: 'misconfigured' };
    }
    return answer.data;
  };

  return async (request: GatewayRequest, match: RouteMatch): Promise<Authorization> => {
    const optional = tokenIsOptional(match.route.auth);
    const identity = Object.entries(request.headers).find(
      ([name]) => name.toLowerCase() === identitySourceHeader,
    )?.[1];
    if (!functionName || (!identity && !optional)) return { outcome: 'unauthorized' };
    const arn = methodArn(request.method, request.path);
    const started = Date.now();
    const cached = optional || !identity ? undefined : cache.get(identity);
    let answer: AuthorizerAnswer;
    if (cached && cached.expiresAt > started) {
      answer = cached.answer;
    } else {
      const asked = await ask(request, match, arn);
      if ('outcome' in asked) return asked;
      answer = asked;
      if (cacheTtlMs > 0 && !optional && identity) {
        cache.set(identity, { answer, expiresAt: started + cacheTtlMs });
      }
    }
    if (!policyAllows(answer.policyDocument, arn)) return { outcome: 'denied' };
    // REST APIs hand context values to the integration as strings.
    const context: Record<string, string | number> = Object.fromEntries(
      Object.entries(answer.context ?? {}).map(([k, v]) => [k, String(v)]),
    );
    return {
      outcome: 'allow',
      context: {
        ...context,
        principalId: answer.principalId,
        integrationLatency: Date.now() - started,
      },
    };
  };
};
