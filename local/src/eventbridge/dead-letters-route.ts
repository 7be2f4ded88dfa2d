import type { AwsService } from '../edge/aws-service.ts';
import type { LocalEventBridge } from './local-event-bridge.ts';

export const EVENTBRIDGE_DEAD_LETTERS_PATH = '/_local/eventbridge/dead-letters';

/**
 * `GET /_local/eventbridge/dead-letters[?rule=<rule ARN>]` on the edge: what the rules' targets
 * left in their dead-letter queues, read without receiving (SQS's ReceiveMessage would hide them).
 */
export const deadLettersRoute = (bridge: LocalEventBridge): AwsService => ({
  name: 'eventbridge-dead-letters',
  accepts: (request) => request.method === 'GET' && request.path === EVENTBRIDGE_DEAD_LETTERS_PATH,
  async handle(request) {
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        DeadLetters: bridge.deadLetters(request.query.get('rule') ?? undefined),
      }),
    };
  },
});
