import { RecordCancellationProgressStep } from '@mytabs/contracts';
import { invocationHandler } from '@mytabs/lambda-kit';
import { repositories } from '../adapters/repositories.ts';

/** `ticketing.recordCancellationProgress`: EventCancellation's count after each page, and its end. */
export const handler = invocationHandler(
  RecordCancellationProgressStep,
  async ({ eventId, ordersDone, ordersTotal, finished }) => ({
    recorded: await repositories().cancellations.recordProgress(eventId, {
      ordersDone,
      ordersTotal,
      ...(finished && { finishedAt: new Date().toISOString() }),
    }),
  }),
);
