import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalTraces } from '../xray/local-traces.ts';
import { PlatformSegment } from '../xray/platform-segment.ts';
import { newTraceId } from '../xray/trace-header.ts';
import { restApi } from './rest-api.ts';

/**
 * The stage's segment of one request, as API Gateway records it with tracing on: it continues the
 * client's `X-Amzn-Trace-Id` or starts a trace, and ends when the answer is sent, its status a
 * fault (5xx), an error (4xx) or a throttle (429). Answers the header the functions receive.
 */
export const stageSegment = (
  tracing: { traces: LocalTraces; apiName: string } | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): string => {
  if (!tracing) return `Root=${newTraceId()}`;
  const received = req.headers['x-amzn-trace-id'];
  const segment = new PlatformSegment(
    tracing.traces,
    `${tracing.apiName}/${restApi.stage}`,
    'AWS::ApiGateway::Stage',
    typeof received === 'string' ? received : undefined,
  );
  res.on('close', () => {
    const status = res.statusCode;
    segment.end({
      fault: status >= 500,
      error: status >= 400 && status < 500,
      throttle: status === 429,
      http: {
        request: { method: req.method, url: req.url },
        response: { status },
      },
    });
  });
  return segment.header;
};
