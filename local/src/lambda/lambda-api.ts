import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import {
  AwsError,
  type AwsService,
  type EdgeRequest,
  type EdgeResponse,
  signingName,
} from '../edge/aws-service.ts';
import { serviceOfAccessKeyId } from '../naming.ts';
import { traceHeaderOf } from '../xray/trace-header-of.ts';
import { eventInvokeConfig, functionConfiguration } from './function-configuration.ts';
import type { LocalLambda } from './local-lambda.ts';

const API = '/2015-03-31/functions';
const EVENT_INVOKE_CONFIG = /^\/2019-09-25\/functions\/([^/]+)\/event-invoke-config\/?$/;
/** Not an AWS API: the dead-letter store, for people and tests outside the process. */
export const DEAD_LETTERS_PATH = '/_local/lambda/dead-letters';
/** Not an AWS API: how many asynchronous invocations are not done yet (running or retrying). */
export const PENDING_PATH = '/_local/lambda/pending';

const json = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): EdgeResponse => ({
  status,
  headers: { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID(), ...headers },
  body: JSON.stringify(body),
});

const fail = (error: AwsError) =>
  json(error.status, { Type: 'User', Message: error.message }, { 'x-amzn-errortype': error.code });

const ListQuery = z.object({
  MaxItems: z.coerce.number().int().min(1).max(10_000).default(50),
  Marker: z.coerce.number().int().min(0).default(0),
});

const InvocationType = z.enum(['RequestResponse', 'Event', 'DryRun']).default('RequestResponse');

/** The caller's service, from the access key id its request is signed with ('' when unsigned). */
const callerOf = (request: EdgeRequest) => {
  const accessKeyId = /Credential=([^/]+)\//.exec(request.headers.authorization ?? '')?.[1];
  return accessKeyId ? serviceOfAccessKeyId(accessKeyId) : '';
};

/**
 * Lambda's REST-JSON API on the edge: Invoke, ListFunctions, GetFunction(Configuration),
 * GetFunctionEventInvokeConfig.
 */
export const lambdaApi = (lambda: LocalLambda): AwsService => ({
  name: 'lambda',
  accepts: (request) =>
    request.path.startsWith(API) ||
    EVENT_INVOKE_CONFIG.test(request.path) ||
    request.path === DEAD_LETTERS_PATH ||
    request.path === PENDING_PATH ||
    signingName(request.headers) === 'lambda',
  async handle(request) {
    try {
      return await route(lambda, request);
    } catch (error) {
      if (error instanceof AwsError) return fail(error);
      throw error;
    }
  },
});

const route = async (lambda: LocalLambda, request: EdgeRequest): Promise<EdgeResponse> => {
  const { method, path } = request;
  if (method === 'GET' && path === DEAD_LETTERS_PATH) {
    return json(200, { DeadLetters: lambda.deadLetters() });
  }
  if (method === 'GET' && path === PENDING_PATH) {
    return json(200, { AsyncInvocations: lambda.pendingAsync });
  }
  if (method === 'GET' && (path === API || path === `${API}/`)) {
    const query = ListQuery.safeParse(Object.fromEntries(request.query));
    if (!query.success) throw new AwsError('InvalidParameterValueException', query.error.message);
    const { MaxItems, Marker } = query.data;
    const all = [...lambda.functions.values()];
    const page = all.slice(Marker, Marker + MaxItems).map(functionConfiguration);
    const next = Marker + MaxItems < all.length ? { NextMarker: String(Marker + MaxItems) } : {};
    return json(200, { Functions: page, ...next });
  }
  const invokeConfig = EVENT_INVOKE_CONFIG.exec(path);
  if (method === 'GET' && invokeConfig?.[1]) {
    return json(200, eventInvokeConfig(lambda.resolve(decodeURIComponent(invokeConfig[1]))));
  }
  const match = /^\/2015-03-31\/functions\/([^/]+)(\/configuration|\/invocations)?\/?$/.exec(path);
  if (match?.[1]) {
    const qualifier = request.query.get('Qualifier');
    const name = decodeURIComponent(match[1]) + (qualifier ? `:${qualifier}` : '');
    if (method === 'POST' && match[2] === '/invocations') return invoke(lambda, request, name);
    if (method === 'GET') {
      const configuration = functionConfiguration(lambda.resolve(name));
      if (match[2] === '/configuration') return json(200, configuration);
      if (!match[2]) {
        return json(200, {
          Configuration: configuration,
          Code: { RepositoryType: 'S3', Location: `file://${lambda.resolve(name).entryPath}` },
          Tags: {},
        });
      }
    }
  }
  throw new AwsError(
    'UnknownOperationException',
    `The local Lambda does not implement ${method} ${path}`,
    404,
  );
};

const invoke = async (lambda: LocalLambda, request: EdgeRequest, name: string) => {
  const type = InvocationType.safeParse(request.headers['x-amz-invocation-type'] || undefined);
  if (!type.success) {
    throw new AwsError(
      'InvalidParameterValueException',
      'X-Amz-Invocation-Type must be RequestResponse, Event or DryRun',
    );
  }
  const response = await lambda.invoke({
    functionName: name,
    payload: request.body.toString('utf8'),
    invocationType: type.data,
    caller: callerOf(request),
    ...traceHeaderOf(request),
    ...(request.headers['x-amz-log-type'] === 'Tail' ? { logType: 'Tail' as const } : {}),
  });
  return {
    status: response.statusCode,
    headers: {
      'content-type': 'application/json',
      'x-amzn-requestid': response.requestId,
      'x-amz-executed-version': '$LATEST',
      ...(response.functionError ? { 'x-amz-function-error': response.functionError } : {}),
      ...(response.logResult ? { 'x-amz-log-result': response.logResult } : {}),
    },
    body: response.payload,
  };
};
