import type { AwsService } from '../edge/aws-service.ts';
import type { LocalEventBridge } from './local-event-bridge.ts';

export const EVENTBRIDGE_PENDING_PATH = '/_local/eventbridge/pending';

/**
 * `GET /_local/eventbridge/pending` on the edge: how many deliveries to rule targets are not yet
 * handed over (or dead-lettered). AWS shows no such number; locally it tells a check of the
 * platform's state when the bus has nothing more on its way.
 */
export const pendingDeliveriesRoute = (bridge: LocalEventBridge): AwsService => ({
  name: 'eventbridge-pending',
  accepts: (request) => request.method === 'GET' && request.path === EVENTBRIDGE_PENDING_PATH,
  async handle() {
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Deliveries: bridge.pendingDeliveries() }),
    };
  },
});
