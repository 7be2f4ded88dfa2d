import type { AwsService, EdgeResponse } from '../edge/aws-service.ts';
import type { LocalTraces } from './local-traces.ts';
import { summarize } from './trace-summary.ts';
import { segmentsOf } from './trace-tree.ts';
import { traceListHtml, waterfallHtml } from './waterfall-html.ts';

/** Not an AWS API: the platform's pages for people, one trace's waterfall and the recent ones. */
export const TRACES_PATH = '/_local/traces';

const html = (status: number, body: string): EdgeResponse => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body,
});

/** The link to one trace's page, as `npm run demo` prints it. */
export const traceUrl = (edgeUrl: string, traceId: string) =>
  `${edgeUrl}${TRACES_PATH}/${encodeURIComponent(traceId)}`;

export const tracePages = (traces: LocalTraces | undefined): AwsService => ({
  name: 'traces',
  accepts: (request) =>
    request.method === 'GET' &&
    (request.path === TRACES_PATH || request.path.startsWith(`${TRACES_PATH}/`)),
  async handle(request) {
    if (!traces) {
      return html(404, '<p>Tracing is off on this platform (started with --no-tracing).</p>');
    }
    if (request.path === TRACES_PATH) {
      const recent = traces.all().map(summarize);
      return html(200, traceListHtml(recent.sort((a, b) => b.StartTime - a.StartTime)));
    }
    const id = decodeURIComponent(request.path.slice(TRACES_PATH.length + 1));
    const trace = traces.get(id);
    if (!trace) return html(404, `<p>No trace ${id.replace(/[^\w-]/g, '')} is kept here.</p>`);
    return html(200, waterfallHtml(summarize(trace), segmentsOf(trace)));
  },
});
