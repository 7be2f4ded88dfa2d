import {
  SES_SOURCE,
  SesBounceDetail,
  SesComplaintDetail,
  type SesDetailType,
  type SesEvent,
} from '@mytabs/contracts';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { instrumented } from './observability.ts';

const detailSchemas = {
  'Email Bounced': SesBounceDetail,
  'Email Complaint Received': SesComplaintDetail,
} satisfies Record<SesDetailType, unknown>;

/**
 * A Lambda target of a `sesEvents` rule: SES's event record parsed (unknown keys ignored) by the
 * schema its detail type names. One that does not parse throws, so it is retried and then kept on
 * the on-failure destination, never half-handled.
 */
export const sesEventHandler =
  (run: (event: SesEvent) => Promise<void>) =>
  (event: EventBridgeEvent<string, unknown>, context?: Context): Promise<void> =>
    instrumented(event['detail-type'], context, {}, async () => {
      const detailType = event['detail-type'] as SesDetailType;
      const schema = detailSchemas[detailType];
      if (event.source !== SES_SOURCE || !schema) {
        throw new Error(`No SES event here for ${event.source} ${event['detail-type']}`);
      }
      await run({ detailType, detail: schema.parse(event.detail) } as SesEvent);
    });
