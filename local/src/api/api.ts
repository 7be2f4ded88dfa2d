import type { Plan, RoutePlan } from '@mytabs/plan';
import { close, listen } from '../listen.ts';
import { type ApiServerOptions, createApiServer } from './api-server.ts';
import type { InvokeFunction } from './function-invoker.ts';

export const apiPortVariable = 'MYTABS_API_PORT';
export const defaultApiPort = 3000;

export interface ApiOptions {
  routes: readonly RoutePlan[];
  authorizer: Plan['authorizer'];
  binaryMediaTypes: readonly string[];
  bodyLimit: ApiServerOptions['bodyLimit'];
  invoke: InvokeFunction;
  tracing?: ApiServerOptions['tracing'];
  /** 0 picks a free port (tests). */
  port: number;
  isReady: () => boolean | Promise<boolean>;
  log: (line: string) => void;
}

export interface RunningApi {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts the local API Gateway on 127.0.0.1. */
export const startApi = async (options: ApiOptions): Promise<RunningApi> => {
  const server = createApiServer(options);
  const port = await listen(server, options.port, 'API', apiPortVariable);
  return { url: `http://127.0.0.1:${port}`, port, stop: () => close(server) };
};
