import type { EdgeRequest } from '../edge/aws-service.ts';

/** The `X-Amzn-Trace-Id` a traced SDK client sends with each call, as a request field. */
export const traceHeaderOf = (request: Pick<EdgeRequest, 'headers'>): { traceHeader?: string } => {
  const header = request.headers['x-amzn-trace-id'];
  return typeof header === 'string' ? { traceHeader: header } : {};
};
