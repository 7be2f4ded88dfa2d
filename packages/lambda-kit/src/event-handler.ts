import type { DetailOf, EventContract } from '@mytabs/contracts';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { correlationOf } from './correlation.ts';
import { instrumented } from './observability.ts';

/**
 * A Lambda target of an EventBridge rule for one or more contracts: the event's `detail` is parsed
 * tolerantly by the contract its detail type names before `run` sees it. An event that does not
 * parse throws, so it is retried and then kept on the on-failure destination, never half-handled.
 */
export const eventHandler =
  <C extends EventContract>(
    contracts: readonly C[],
    run: (detail: DetailOf<C>, event: EventBridgeEvent<string, unknown>) => Promise<void>,
  ) =>
  (event: EventBridgeEvent<string, unknown>, context?: Context): Promise<void> =>
    instrumented(
      event['detail-type'],
      context,
      correlationOf((event.detail as { data?: unknown } | undefined)?.data),
      async () => {
        const contract = contracts.find(
          (c) => c.detailType === event['detail-type'] && c.source === event.source,
        );
        if (!contract) {
          throw new Error(`No contract here for ${event.source} ${event['detail-type']}`);
        }
        await run(contract.parse(event.detail) as DetailOf<C>, event);
      },
    );
