import {
  AuthorizerContext,
  isJsonMediaType,
  MAX_REQUEST_BODY_BYTES,
  type Operation,
  type Principal,
  type UserPrincipal,
} from '@mytabs/contracts';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type * as z from 'zod';
import { correlationOf } from '../correlation.ts';
import { instrumented } from '../observability.ts';
import { HttpProblem, type HttpResult } from './http-result.ts';
import { idempotentRequest } from './idempotent-request.ts';
import { fieldErrors, jsonResponse, problemResponse } from './problem-response.ts';

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface HttpRequest<O extends Operation> {
  params: Parsed<O['pathParams']>;
  query: Parsed<O['query']>;
  headers: Parsed<O['headers']>;
  body: Parsed<O['body']>;
  /**
   * Who called: a signed-in user on `user` routes, a user or an order on `user-or-order` ones, the
   * signed-in user if any on `public-or-user` ones, a user, an order or nobody (a signed link is
   * then for the handler to check) on `token-or-link` ones.
   */
  principal: O['auth'] extends 'user'
    ? UserPrincipal
    : O['auth'] extends 'public'
      ? undefined
      : O['auth'] extends 'public-or-user'
        ? UserPrincipal | undefined
        : O['auth'] extends 'token-or-link'
          ? Principal | undefined
          : Principal;
  /** Lower-cased request headers, for what the operation does not declare (e.g. `accept`). */
  rawHeaders: Record<string, string>;
  /** The body exactly as sent (base64 undone): what a signature, e.g. Stripe's, is computed on. */
  rawBody: string;
  requestId: string;
}

const lowerCase = (headers: Record<string, string | undefined> | null) =>
  Object.fromEntries(
    Object.entries(headers ?? {})
      .filter((e): e is [string, string] => e[1] !== undefined)
      .map(([k, v]) => [k.toLowerCase(), v]),
  );

const rawBodyOf = (event: APIGatewayProxyEvent) =>
  event.isBase64Encoded && event.body
    ? Buffer.from(event.body, 'base64').toString('utf8')
    : (event.body ?? '');

export interface HttpHandlerOptions<O extends Operation> {
  /**
   * Run each request at most once per `Idempotency-Key` header (see `idempotentRequest`), keys
   * scoped by what this returns: whose keys may meet (e.g. the signed-in caller's id).
   */
  idempotency?: { scope: (request: HttpRequest<O>) => string };
}

/**
 * An API Gateway proxy handler for one operation of the route table: path parameters, query,
 * headers and body are parsed with the operation's schemas before `run` sees them, so bad input
 * gets a 400 problem+json naming every invalid field and never reaches a side effect.
 */
export const httpHandler =
  <O extends Operation>(
    operation: O,
    run: (request: HttpRequest<O>) => Promise<HttpResult>,
    options: HttpHandlerOptions<O> = {},
  ) =>
  (event: APIGatewayProxyEvent, context?: Context): Promise<APIGatewayProxyResult> =>
    instrumented(
      `${operation.method} ${operation.path}`,
      context,
      correlationOf(event.pathParameters),
      () => answer(operation, run, options, event, context),
    );

/** The `Idempotency-Key` header, read case-insensitively (clients send `Idempotency-key` too). */
const idempotencyKeyOf = (headers: Record<string, string>) => headers['idempotency-key'];

const answer = async <O extends Operation>(
  operation: O,
  run: (request: HttpRequest<O>) => Promise<HttpResult>,
  options: HttpHandlerOptions<O>,
  event: APIGatewayProxyEvent,
  context: Context | undefined,
): Promise<APIGatewayProxyResult> => {
  const headers = lowerCase(event.headers);
  const errors: { path: string; message: string }[] = [];
  const parse = (schema: z.ZodType | undefined, value: unknown, part: string) => {
    if (!schema) return undefined;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    errors.push(...fieldErrors(result.error, part));
    return undefined;
  };

  let principal: Principal | undefined;
  if (operation.auth !== 'public') {
    const parsed = AuthorizerContext.safeParse(event.requestContext?.authorizer ?? {});
    if (operation.auth === 'public-or-user') {
      // An order token names an order, not a buyer: on an open route it identifies nobody.
      if (parsed.success && parsed.data.principalType === 'user') principal = parsed.data;
    } else if (operation.auth === 'token-or-link') {
      if (parsed.success && parsed.data.principalType !== 'anonymous') principal = parsed.data;
    } else {
      if (!parsed.success || parsed.data.principalType === 'anonymous')
        return problemResponse(401, 'Sign in, or use the order token, to do this.');
      principal = parsed.data;
      if (operation.auth === 'user' && principal.principalType !== 'user') {
        return problemResponse(401, 'Sign in to do this: an order token only reaches its order.');
      }
    }
  }

  const rawBody = rawBodyOf(event);
  if (Buffer.byteLength(rawBody) > MAX_REQUEST_BODY_BYTES) {
    return problemResponse(413, `Request bodies are at most ${MAX_REQUEST_BODY_BYTES} bytes.`);
  }
  if (rawBody && operation.body && !isJsonMediaType(headers['content-type'])) {
    return problemResponse(415, 'Send the body as application/json.', {
      errors: [{ path: 'headers.content-type', message: 'must be application/json' }],
    });
  }
  let body: unknown;
  if (operation.body) {
    try {
      body = rawBody ? (JSON.parse(rawBody) as unknown) : undefined;
    } catch {
      return problemResponse(400, 'The request body is not valid JSON.', {
        errors: [{ path: 'body', message: 'must be valid JSON' }],
      });
    }
  }
  const request = {
    params: parse(operation.pathParams, event.pathParameters ?? {}, 'path'),
    query: parse(operation.query, event.queryStringParameters ?? {}, 'query'),
    headers: parse(operation.headers, headers, 'headers'),
    body: parse(operation.body, body, ''),
    principal,
    rawHeaders: headers,
    rawBody,
    requestId: event.requestContext?.requestId ?? '',
  } as HttpRequest<O>;
  if (errors.length > 0) {
    return problemResponse(400, 'Some fields are missing or invalid.', { errors });
  }

  try {
    const key = options.idempotency && idempotencyKeyOf(headers);
    const result =
      options.idempotency && key
        ? await idempotentRequest(
            {
              idempotencyKey: `${options.idempotency.scope(request)}:${key}`,
              payload: { params: request.params, body: request.body },
            },
            context,
            () => run(request),
          )
        : await run(request);
    if (result.raw && 'bytes' in result.raw) {
      return {
        statusCode: result.status,
        headers: { 'content-type': result.raw.contentType, ...result.headers },
        body: Buffer.from(result.raw.bytes).toString('base64'),
        isBase64Encoded: true,
      };
    }
    if (result.raw) {
      return {
        statusCode: result.status,
        headers: { 'content-type': result.raw.contentType, ...result.headers },
        body: result.raw.text,
      };
    }
    return jsonResponse(result.status, result.body, result.headers);
  } catch (error) {
    if (error instanceof HttpProblem) {
      return problemResponse(error.status, error.detail, error.extra, error.headers);
    }
    throw error;
  }
};
