import { EmailBounced, EmailComplained } from '@mytabs/contracts';
import { documentClient, eventHandler, logger, tableName } from '@mytabs/lambda-kit';
import { suppressionsRepository } from '../adapters/suppressions-repository.ts';
import { suppressionForBounce, suppressionForComplaint } from '../domain/suppression.ts';

/**
 * `notifications.recordSuppression`: a hard bounce or a complaint stops every later email to the
 * address. The first reason stays; a repeat or a replay of the event changes nothing.
 */
export const handler = eventHandler([EmailBounced, EmailComplained], async ({ data }) => {
  const suppression =
    'bounceType' in data ? suppressionForBounce(data) : suppressionForComplaint(data);
  if (!suppression) {
    logger.info('Not suppressed: the bounce is not permanent', { address: data.address });
    return;
  }
  const recorded = await suppressionsRepository(documentClient(), tableName()).record(suppression);
  logger.info(recorded ? 'Address suppressed' : 'Address already suppressed', {
    ...suppression,
  });
});
