import { GetTraceSummariesCommand, XRayClient } from '@aws-sdk/client-xray';
import { traceUrl } from '../xray/trace-pages.ts';

/**
 * The traces of an order that a buyer or Stripe started (its checkout, its payment's webhook and
 * the fulfillment that follows), found through X-Ray's API as on AWS: `annotation.orderId`. Each
 * with the link to its waterfall on the platform. Empty when `npm start` runs without tracing.
 */
export const orderTraces = async (edgeUrl: string, orderId: string, since: Date) => {
  const xray = new XRayClient({
    endpoint: edgeUrl,
    region: 'us-east-1',
    credentials: { accessKeyId: 'demo', secretAccessKey: 'local' },
  });
  try {
    const { TraceSummaries = [] } = await xray.send(
      new GetTraceSummariesCommand({
        StartTime: since,
        EndTime: new Date(),
        FilterExpression: `annotation.orderId = "${orderId}"`,
      }),
    );
    return TraceSummaries.filter((t) => t.Http?.HttpMethod === 'POST')
      .sort((a, b) => (a.StartTime?.getTime() ?? 0) - (b.StartTime?.getTime() ?? 0))
      .map((t) => ({
        entry: `${t.Http?.HttpMethod} ${t.Http?.HttpURL}`,
        durationMs: (t.Duration ?? 0) * 1000,
        url: traceUrl(edgeUrl, t.Id as string),
      }));
  } catch {
    return [];
  } finally {
    xray.destroy();
  }
};
