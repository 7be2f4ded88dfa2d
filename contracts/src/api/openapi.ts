import * as z from 'zod';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
} from 'zod-openapi';
import { tokenIsOptional } from '../manifest/service-manifest.ts';
import { PROBLEM_CONTENT_TYPE, Problem } from './problem.ts';
import type { Operation } from './routes.ts';
import { operations } from './routes.ts';

const problemTitles: Record<number, string> = {
  400: 'Invalid input: `errors` lists each field',
  401: 'Missing or invalid token (answered by the gateway)',
  403: 'Your role in the business does not allow this (or the gateway denied the token)',
  404: "Not found, or not yours: another business's data answers 404",
  409: 'Conflicts with the current state, or a request with this Idempotency-Key is in flight',
  413: 'The body is larger than the API takes (64 KB)',
  415: 'The body is not application/json',
  422: 'Valid input the domain refuses, or an Idempotency-Key reused with another body',
  429: 'Throttled: by the gateway, or a limit of the route (`retry-after` says when)',
  500: 'Unexpected error',
  502: 'An upstream service (Stripe) failed',
  503: 'Not configured yet: payments (`code: payments-not-configured`, nothing was held or charged) or wallet passes (`code: wallet-not-configured`); retry later',
};

const BinaryFile = z.string().meta({ format: 'binary' });

const problem = (status: number) => ({
  description: problemTitles[status] ?? 'Error',
  content: { [PROBLEM_CONTENT_TYPE]: { schema: Problem } },
});

/** `user-or-order`: a Cognito token or the order token createPaymentIntent returned. */
const security = (auth: Operation['auth']): Record<string, string[]>[] =>
  auth === 'public'
    ? []
    : auth === 'public-or-user'
      ? [{}, { cognito: [] }]
      : auth === 'token-or-link'
        ? [{}, { cognito: [] }, { orderToken: [] }]
        : auth === 'user'
          ? [{ cognito: [] }]
          : [{ cognito: [] }, { orderToken: [] }];

const toOperation = (name: string, op: Operation): ZodOpenApiOperationObject => {
  // The body limit (413) is the API's, before any function: on every route, body or not.
  const gatewayStatuses = [
    413,
    ...(op.auth === 'public' ? [429] : tokenIsOptional(op.auth) ? [401, 429] : [401, 403, 429]),
  ];
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, response] of Object.entries(op.responses)) {
    if (!response) continue;
    const content: Record<string, { schema: NonNullable<typeof response.schema> }> = {};
    if (response.schema) content['application/json'] = { schema: response.schema };
    if (response.csv) content['text/csv'] = { schema: response.csv };
    for (const type of response.files ?? []) content[type] = { schema: BinaryFile };
    responses[status] = { description: response.description, content };
  }
  // What every handler answers through the runtime kit, whatever the operation itself refuses.
  const kitStatuses = [
    ...(op.pathParams || op.query || op.headers || op.body ? [400] : []),
    ...(op.body ? [415] : []),
    ...(op.headers && 'idempotency-key' in op.headers.shape ? [409, 422] : []),
  ];
  const statuses = [...op.problems, ...kitStatuses, ...gatewayStatuses, 500];
  for (const status of new Set(statuses.sort((a, b) => a - b))) {
    responses[String(status)] = problem(status);
  }
  return {
    operationId: name,
    summary: op.summary,
    tags: [op.service],
    security: security(op.auth),
    ...(op.pathParams || op.query || op.headers
      ? {
          requestParams: {
            ...(op.pathParams && { path: op.pathParams }),
            ...(op.query && { query: op.query }),
            ...(op.headers && { header: op.headers }),
          },
        }
      : {}),
    ...(op.body && {
      requestBody: { required: true, content: { 'application/json': { schema: op.body } } },
    }),
    responses,
  };
};

/** The OpenAPI 3.1 document of the whole API, from the route table (committed as openapi.json). */
export const createOpenApiDocument = () => {
  const paths: ZodOpenApiPathsObject = {};
  for (const [name, op] of Object.entries(operations) as [string, Operation][]) {
    const item = paths[op.path] ?? {};
    paths[op.path] = item;
    item[op.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'] = toOperation(name, op);
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'MyTabs API',
      version: '1.0.0',
      description:
        'Ticketing backend (API Gateway REST API, stage prod). Errors are application/problem+json (RFC 9457).',
    },
    servers: [{ url: 'http://127.0.0.1:3000', description: 'the local platform' }],
    paths,
    components: {
      securitySchemes: {
        cognito: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Cognito ID or access token',
        },
        orderToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The orderToken of createPaymentIntent, scoped to one order',
        },
      },
    },
  });
};
