import { EventCanceled } from '@mytabs/contracts';
import { eventHandler } from '@mytabs/lambda-kit';
import * as z from 'zod';
import { startOnce } from '../adapters/start-once.ts';
import { firstPage } from '../domain/event-cancellation.ts';

const WorkflowEnv = z.object({ WORKFLOW_EVENT_CANCELLATION_ARN: z.string().min(1) });

/**
 * Starts EventCancellation once per event: the execution is named by the event id, so a second
 * EventCanceled (a repeated request, a replay) starts nothing new, and redrives it if it failed.
 */
export const handler = eventHandler([EventCanceled], async ({ data }) =>
  startOnce({
    stateMachineArn: WorkflowEnv.parse(process.env).WORKFLOW_EVENT_CANCELLATION_ARN,
    name: data.event.eventId,
    input: { event: data.event, reason: data.reason, page: firstPage },
  }),
);
