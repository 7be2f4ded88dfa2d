import type { AwsService } from '../edge/aws-service.ts';
import type { LocalEventBridge } from './local-event-bridge.ts';

export const EVENTBRIDGE_EVENTS_PATH = '/_local/eventbridge/events';

/**
 * `GET /_local/eventbridge/events[?detail-type=X]` on the edge: every event the stage's archive
 * holds, oldest first. AWS has no API to read an archive; locally it is how a developer (or a
 * test) sees which domain events were published, e.g. that a fact was published exactly once.
 */
export const archivedEventsRoute = (bridge: LocalEventBridge): AwsService => ({
  name: 'eventbridge-archived-events',
  accepts: (request) => request.method === 'GET' && request.path === EVENTBRIDGE_EVENTS_PATH,
  async handle(request) {
    const detailType = request.query.get('detail-type');
    const archive = bridge.archives.list().find((a) => a.record.ArchiveName === bridge.archiveName);
    const events = (archive?.events ?? [])
      .map((a) => a.event)
      .filter((e) => !detailType || e['detail-type'] === detailType);
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Events: events }),
    };
  },
});
