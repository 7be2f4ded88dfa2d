import type { PlatformComponent } from '../component.ts';
import { startApi } from './api.ts';
import { apiGatewayApi } from './apigateway-api.ts';
import { localLambdaInvoker } from './local-lambda-invoker.ts';

/** The platform is ready when its edge says so: the edge's `/health` follows every component. */
const edgeReady = async (edgeUrl: string) => {
  try {
    return (await fetch(`${edgeUrl}/health`)).ok;
  } catch {
    return false;
  }
};

/** The local API Gateway as a platform component (list it after every component it fronts). */
export const api: PlatformComponent = {
  name: 'api',
  port: { default: 3000, envVar: 'MYTABS_API_PORT', description: 'API' },
  async start(context) {
    const running = await startApi({
      routes: context.plan.routes,
      authorizer: context.plan.authorizer,
      binaryMediaTypes: context.plan.api.binaryMediaTypes,
      bodyLimit: context.plan.api.bodyLimit,
      invoke: localLambdaInvoker(context.lambda),
      ...(context.traces && {
        tracing: { traces: context.traces, apiName: context.plan.api.name },
      }),
      port: context.port,
      isReady: () => edgeReady(context.edgeUrl),
      log: context.log,
    });
    return {
      services: [apiGatewayApi(context.plan)],
      endpoints: { api: running.url },
      close: running.stop,
    };
  },
};
