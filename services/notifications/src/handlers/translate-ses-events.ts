import { logger, publish, sesEventHandler } from '@mytabs/lambda-kit';
import { feedbackEvents } from '../domain/ses-feedback.ts';

/**
 * `notifications.translateSesEvents`: SES's bounces and complaints, which SES puts on the default
 * bus only, as EmailBounced / EmailComplained on ours, for whoever needs them (us first).
 */
export const handler = sesEventHandler(async (event) => {
  const entries = feedbackEvents(event);
  for (const entry of entries) {
    logger.info('SES feedback', { detailType: entry.DetailType, ...entry.detail.data });
  }
  await publish(...entries);
});
