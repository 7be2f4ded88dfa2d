import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  type Message,
  ReceiveMessageCommand,
} from '@aws-sdk/client-sqs';
import type { QueuePlan } from '@mytabs/plan';
import { invokeWith } from './invoke.ts';
import type { Target } from './target.ts';

/** A dead letter read back: the event its function was to receive, and why it did not. */
export interface DeadLetter {
  messageId: string;
  /** The event the target was given (or was to be given), exactly as it was. */
  event: unknown;
  error: string;
  /** `rule`: EventBridge could not deliver it; `invocation`: the function failed it for good. */
  from: 'rule' | 'invocation';
  receiptHandle: string;
}

/** A queue by its name or by the function it serves (`ticketing.settleHold`). */
export const queueNamed = (target: Target, name: string): QueuePlan => {
  const fn = target.plan.functions.find((f) => f.ref === name || f.name === name);
  const queue = target.plan.deadLetterQueues.find(
    (q) => q.name === name || q.functionName === fn?.name,
  );
  if (!queue) {
    throw new Error(
      `no dead-letter queue ${name} in stage ${target.stage}: name a queue or a function with a trigger (${target.plan.deadLetterQueues.map((q) => q.name).join(', ')})`,
    );
  }
  return queue;
};

const urlOf = async (target: Target, queue: QueuePlan) =>
  (await target.sqs.send(new GetQueueUrlCommand({ QueueName: queue.name }))).QueueUrl as string;

export const depthOf = async (target: Target, queue: QueuePlan) => {
  const { Attributes } = await target.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: await urlOf(target, queue),
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages ?? 0);
};

/**
 * Lambda's invocation record (an async invocation that failed for good) carries the event as
 * `requestPayload`; EventBridge's dead letter is the event itself, with why in its attributes.
 */
const readLetter = (message: Message): DeadLetter => {
  const body = JSON.parse(message.Body ?? 'null') as Record<string, unknown>;
  const base = { messageId: message.MessageId ?? '', receiptHandle: message.ReceiptHandle ?? '' };
  if (body && typeof body === 'object' && 'requestContext' in body && 'requestPayload' in body) {
    const response = (body.responsePayload ?? {}) as { errorType?: string; errorMessage?: string };
    const context = body.requestContext as { condition?: string };
    return {
      ...base,
      event: body.requestPayload,
      error: `${response.errorType ?? context.condition ?? 'Error'}: ${response.errorMessage ?? ''}`,
      from: 'invocation',
    };
  }
  const attribute = (name: string) => message.MessageAttributes?.[name]?.StringValue ?? '';
  return {
    ...base,
    event: body,
    error: `${attribute('ERROR_CODE')}: ${attribute('ERROR_MESSAGE')}`,
    from: 'rule',
  };
};

/** How long a letter being read or redriven stays hidden from other readers. */
const HIDDEN_S = 60;

/**
 * Every letter in the queue, each received once: they stay hidden while the caller works on them,
 * so call `release` (or delete them) when done.
 */
const receiveAll = async (target: Target, url: string) => {
  const letters: DeadLetter[] = [];
  for (;;) {
    const { Messages = [] } = await target.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: HIDDEN_S,
        MessageAttributeNames: ['All'],
        WaitTimeSeconds: 0,
      }),
    );
    if (Messages.length === 0) return letters;
    letters.push(...Messages.map(readLetter));
  }
};

const release = (target: Target, url: string, letters: DeadLetter[]) =>
  Promise.all(
    letters.map((l) =>
      target.sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: url,
          ReceiptHandle: l.receiptHandle,
          VisibilityTimeout: 0,
        }),
      ),
    ),
  );

/** The letters in a queue, left in it and visible again at once. */
export const showLetters = async (target: Target, queue: QueuePlan) => {
  const url = await urlOf(target, queue);
  const letters = await receiveAll(target, url);
  await release(target, url, letters);
  return letters;
};

export interface RedriveOutcome {
  queue: string;
  function: string;
  delivered: string[];
  failed: { messageId: string; error: string }[];
}

/**
 * Each letter's event given again to the queue's own function, not put back on the bus (where
 * every rule would see it again). A letter is deleted only once its function took the event; one
 * that fails again stays for the next try. Consumers are idempotent, so a letter delivered before
 * (a crash between the invocation and the delete) does nothing the second time.
 */
export const redriveLetters = async (
  target: Target,
  queue: QueuePlan,
  {
    dryRun,
    onProgress = () => {},
  }: { dryRun: boolean; onProgress?: (done: number, of: number) => void },
): Promise<RedriveOutcome> => {
  const url = await urlOf(target, queue);
  const letters = await receiveAll(target, url);
  const outcome: RedriveOutcome = {
    queue: queue.name,
    function: queue.functionName,
    delivered: [],
    failed: [],
  };
  if (dryRun) {
    await release(target, url, letters);
    return { ...outcome, delivered: letters.map((l) => l.messageId) };
  }
  for (const [i, letter] of letters.entries()) {
    const error = await invokeWith(target, queue.functionName, letter.event);
    if (error) {
      outcome.failed.push({ messageId: letter.messageId, error });
      await release(target, url, [letter]);
    } else {
      await target.sqs.send(
        new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: letter.receiptHandle }),
      );
      outcome.delivered.push(letter.messageId);
    }
    onProgress(i + 1, letters.length);
  }
  return outcome;
};
