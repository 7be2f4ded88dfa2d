import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { PlatformComponent } from '../component.ts';
import { AwsError } from '../edge/aws-service.ts';
import { archivedEventsRoute } from './archived-events-route.ts';
import type { Clock } from './clock.ts';
import { deadLettersRoute } from './dead-letters-route.ts';
import { eventsApi } from './events-api.ts';
import { LocalEventBridge } from './local-event-bridge.ts';
import { pendingDeliveriesRoute } from './pending-deliveries-route.ts';
import type { WorkflowStarter } from './target-delivery.ts';

/**
 * Step Functions targets start executions through the edge, as EventBridge calls the Step
 * Functions API on AWS: no coupling to the local engine beyond its API. An SDK error keeps its
 * name and status, so a missing state machine is not retried and a dropped connection is.
 */
const sfnStarter = (edgeUrl: string): WorkflowStarter & { destroy(): void } => {
  const client = new SFNClient({
    endpoint: edgeUrl,
    region: 'us-east-1',
    credentials: { accessKeyId: 'events', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  return {
    async startExecution({ stateMachineArn, input, traceHeader }) {
      try {
        return await client.send(
          new StartExecutionCommand({ stateMachineArn, input, traceHeader }),
        );
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata
          ?.httpStatusCode;
        if (status === undefined) throw error;
        throw new AwsError((error as Error).name, (error as Error).message, status);
      }
    },
    destroy: () => client.destroy(),
  };
};

export interface EventBridgeComponentOptions {
  /** Tests pass a clock they move by hand to fire schedules. */
  clock?: Clock;
  /** First target retry delay (ms); tests shorten it. */
  retryBaseDelayMs?: number;
}

/** EventBridge as a platform component: on the edge, delivering through the local Lambda. */
export const eventBridgeComponent = (
  options: EventBridgeComponentOptions = {},
): PlatformComponent => ({
  name: 'eventbridge',
  async start(context) {
    const workflows = sfnStarter(context.edgeUrl);
    const bridge = new LocalEventBridge({
      plan: context.plan,
      lambda: context.lambda,
      workflows,
      queues: context.queues,
      log: context.log,
      ...(context.dataDir ? { dataDir: context.dataDir } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.retryBaseDelayMs === undefined
        ? {}
        : { retryBaseDelayMs: options.retryBaseDelayMs }),
    });
    context.serviceEvents.connect((event) => bridge.putServiceEvent(event));
    return {
      services: [
        eventsApi(bridge),
        deadLettersRoute(bridge),
        archivedEventsRoute(bridge),
        pendingDeliveriesRoute(bridge),
      ],
      async close() {
        await bridge.close();
        workflows.destroy();
      },
    };
  },
});

/** The component `npm start` runs: real clock and AWS-like retry delays. */
export const eventBridge = eventBridgeComponent();
