import { createHash, randomUUID } from 'node:crypto';
import { tokenIsOptional } from '@mytabs/contracts';
import type { Plan, RoutePlan } from '@mytabs/plan';
import { type AwsService, type EdgeResponse, signingName } from '../edge/aws-service.ts';
import { localArns, REGION } from '../naming.ts';
import { resourceId, restApi } from './rest-api.ts';

const json = (status: number, body: unknown): EdgeResponse => ({
  status,
  headers: { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() },
  body: JSON.stringify(body),
});

const notFound = (message: string): EdgeResponse => ({
  ...json(404, { message }),
  headers: {
    'content-type': 'application/json',
    'x-amzn-errortype': 'NotFoundException',
    'x-amzn-requestid': randomUUID(),
  },
});

const authorizerId = (name: string) => createHash('sha256').update(name).digest('hex').slice(0, 6);

/** `/a/{b}/c` -> `/`, `/a`, `/a/{b}`, `/a/{b}/c`: every resource a path needs, parents first. */
const resourcePaths = (routes: readonly RoutePlan[]) => {
  const paths = new Set(['/']);
  for (const { path } of routes) {
    const parts = path.split('/').slice(1);
    parts.forEach((_, i) => {
      paths.add(`/${parts.slice(0, i + 1).join('/')}`);
    });
  }
  return [...paths].sort();
};

const integrationUri = (functionName: string) =>
  `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${localArns.function(functionName)}/invocations`;

/**
 * API Gateway's read API for the one REST API, on the edge: GetRestApis, GetResources (with
 * `embed=methods`) and GetAuthorizers, in API Gateway's JSON (collections under `item`). What the
 * local API serves, as an operator (or the parity test) reads it on AWS.
 */
export const apiGatewayApi = (plan: Pick<Plan, 'api' | 'routes' | 'authorizer'>): AwsService => {
  const authorizers = plan.authorizer
    ? [
        {
          id: authorizerId(plan.authorizer.name),
          name: plan.authorizer.name,
          type: 'REQUEST',
          authorizerUri: integrationUri(plan.authorizer.functionName),
          identitySource: 'method.request.header.Authorization',
          authorizerResultTtlInSeconds: plan.authorizer.cacheTtlS,
        },
        {
          id: authorizerId(plan.authorizer.optionalName),
          name: plan.authorizer.optionalName,
          type: 'REQUEST',
          authorizerUri: integrationUri(plan.authorizer.functionName),
          authorizerResultTtlInSeconds: 0,
        },
      ]
    : [];
  const methodOf = (route: RoutePlan, embed: boolean) => {
    if (!embed) return {};
    const authorizer =
      route.auth === 'public' ? undefined : authorizers[tokenIsOptional(route.auth) ? 1 : 0];
    return {
      httpMethod: route.method,
      authorizationType: authorizer ? 'CUSTOM' : 'NONE',
      ...(authorizer && { authorizerId: authorizer.id }),
      apiKeyRequired: false,
      methodIntegration: {
        type: 'AWS_PROXY',
        httpMethod: 'POST',
        uri: integrationUri(route.functionName),
      },
    };
  };
  const resources = (embed: boolean) =>
    resourcePaths(plan.routes).map((path) => {
      const methods = plan.routes.filter((r) => r.path === path);
      const parent = path === '/' ? undefined : path.slice(0, path.lastIndexOf('/')) || '/';
      return {
        id: resourceId(path),
        ...(parent && { parentId: resourceId(parent) }),
        ...(path !== '/' && { pathPart: path.slice(path.lastIndexOf('/') + 1) }),
        path,
        ...(methods.length > 0 && {
          resourceMethods: Object.fromEntries(methods.map((m) => [m.method, methodOf(m, embed)])),
        }),
      };
    });

  return {
    name: 'apigateway',
    accepts: (request) =>
      request.path.startsWith('/restapis') && signingName(request.headers) === 'apigateway',
    async handle(request) {
      const parts = request.path.split('/').slice(1).map(decodeURIComponent);
      if (request.method !== 'GET') return notFound(`No ${request.method} ${request.path} locally`);
      if (parts.length === 1) {
        return json(200, {
          item: [
            {
              id: restApi.apiId,
              name: plan.api.name,
              binaryMediaTypes: plan.api.binaryMediaTypes,
              endpointConfiguration: { types: ['REGIONAL'] },
            },
          ],
        });
      }
      if (parts[1] !== restApi.apiId) return notFound('Invalid API identifier specified');
      if (parts.length === 3 && parts[2] === 'resources') {
        return json(200, { item: resources(request.query.get('embed') === 'methods') });
      }
      if (parts.length === 3 && parts[2] === 'authorizers') return json(200, { item: authorizers });
      return notFound(`No ${request.path} locally: GetRestApis, GetResources, GetAuthorizers only`);
    },
  };
};
