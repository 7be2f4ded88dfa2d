import type { SegmentDocument } from './segment-document.ts';
import type { TraceSummary } from './trace-summary.ts';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const ms = (seconds: number) => `${(seconds * 1000).toFixed(1)} ms`;

const outcomeOf = (n: { fault?: boolean; error?: boolean; throttle?: boolean }) =>
  n.fault ? 'fault' : n.throttle ? 'throttle' : n.error ? 'error' : 'ok';

const summaryOutcome = (t: TraceSummary) =>
  outcomeOf({ fault: t.HasFault, error: t.HasError, throttle: t.HasThrottle });

const orderIdOf = (t: TraceSummary) => t.Annotations.orderId?.[0]?.AnnotationValue.StringValue;

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{font:14px system-ui,sans-serif;margin:1.5rem;color:#222}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.2rem .5rem;border-bottom:1px solid #eee;white-space:nowrap}
td.bar{width:40%}
.bar span{display:block;height:.8rem;background:#4a8;min-width:1px;position:relative}
.fault .bar span{background:#c33}.error .bar span{background:#e90}
tr.fault td.status{color:#c33;font-weight:bold}tr.error td.status{color:#b60}
</style></head><body>${body}</body></html>`;

interface Row {
  node: SegmentDocument;
  depth: number;
  service: string;
}

const rowsOf = (segments: readonly SegmentDocument[]): Row[] => {
  const rows: Row[] = [];
  const walk = (node: SegmentDocument, depth: number, service: string) => {
    rows.push({ node, depth, service });
    for (const child of node.subsegments ?? []) walk(child, depth + 1, service);
  };
  for (const segment of segments) {
    walk(segment, 0, `${segment.name}${segment.origin ? ` (${segment.origin})` : ''}`);
  }
  return rows;
};

/** One trace as a waterfall: each segment and subsegment, when it started, how long, its status. */
export const waterfallHtml = (summary: TraceSummary, segments: readonly SegmentDocument[]) => {
  const start = summary.StartTime;
  const total = Math.max(summary.Duration, 0.001);
  const orderId = orderIdOf(summary);
  const rows = rowsOf(segments)
    .map(({ node, depth, service }) => {
      const end = node.end_time ?? node.start_time;
      const left = ((node.start_time - start) / total) * 100;
      const width = ((end - node.start_time) / total) * 100;
      const status = (node.http as { response?: { status?: number } } | undefined)?.response
        ?.status;
      const outcome = outcomeOf(node);
      return `<tr class="${outcome}"><td>${escapeHtml(service)}</td><td style="padding-left:${0.5 + depth * 1.2}rem">${escapeHtml(node.name)}</td><td>${ms(node.start_time - start)}</td><td>${ms(end - node.start_time)}</td><td class="status">${outcome}${status ? ` ${status}` : ''}</td><td class="bar"><span style="left:${left.toFixed(2)}%;width:${width.toFixed(2)}%"></span></td></tr>`;
    })
    .join('\n');
  return page(
    `Trace ${summary.Id}`,
    `<h1>Trace ${escapeHtml(summary.Id)}</h1>
<p>${orderId ? `Order <strong class="order-id">${escapeHtml(orderId)}</strong>, ` : ''}started ${new Date(start * 1000).toISOString()}, ${ms(summary.Duration)}, <span class="outcome">${summaryOutcome(summary)}</span>. <a href="../traces">Recent traces</a></p>
<table class="waterfall"><thead><tr><th>Service</th><th>Operation</th><th>Start</th><th>Duration</th><th>Status</th><th></th></tr></thead>
<tbody>
${rows}
</tbody></table>`,
  );
};

/** The traces kept, newest first: when, how long, the outcome, the entry and the order id. */
export const traceListHtml = (summaries: readonly TraceSummary[]) =>
  page(
    'Recent traces',
    `<h1>Recent traces</h1>
<table class="traces"><thead><tr><th>Started</th><th>Entry</th><th>Duration</th><th>Outcome</th><th>Order</th></tr></thead>
<tbody>
${summaries
  .map(
    (t) =>
      `<tr class="${summaryOutcome(t)}"><td><a href="traces/${encodeURIComponent(t.Id)}">${new Date(t.StartTime * 1000).toISOString()}</a></td><td>${escapeHtml(t.EntryPoint?.Name ?? '')}${t.Http?.HttpURL ? ` ${escapeHtml(`${t.Http.HttpMethod ?? ''} ${t.Http.HttpURL}`)}` : ''}</td><td>${ms(t.Duration)}</td><td class="status">${summaryOutcome(t)}</td><td>${escapeHtml(orderIdOf(t) ?? '')}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`,
  );
