import { randomUUID } from 'node:crypto';
import type { QueuePlan } from '@mytabs/plan';
import { AwsError } from '../edge/aws-service.ts';
import { ACCOUNT } from '../naming.ts';
import type { MessageAttribute } from './message-md5.ts';

/** SQS's defaults for a queue created with none of these set, as the CDK creates ours. */
export const QUEUE_DEFAULTS = {
  VisibilityTimeout: 30,
  MaximumMessageSize: 1_048_576,
  DelaySeconds: 0,
  ReceiveMessageWaitTimeSeconds: 0,
};
const MAX_VISIBILITY_TIMEOUT_S = 43_200;

export interface QueuedMessage {
  messageId: string;
  body: string;
  attributes: Record<string, MessageAttribute>;
  /** Who sent it, as SQS's `SenderId` names the sending principal. */
  senderId: string;
  sentAt: number;
  receiveCount: number;
  firstReceivedAt?: number;
  visibleAt: number;
  /** Every receipt handle issued for it: any of them deletes it, as on SQS. */
  receiptHandles: Set<string>;
}

interface Queue {
  plan: QueuePlan;
  createdAt: number;
  messages: QueuedMessage[];
  /** Long polls waiting for a message. */
  waiters: Set<() => void>;
}

export interface ReceivedMessage {
  message: QueuedMessage;
  receiptHandle: string;
}

export const queueNotFound = () =>
  new AwsError('QueueDoesNotExist', 'The specified queue does not exist.');

/**
 * The plan's queues (the functions' dead-letter queues) with SQS's semantics: a received message
 * is hidden for its visibility timeout and comes back unless deleted, messages older than the
 * retention period are gone. EventBridge and the local Lambda write to them as AWS does.
 */
export class LocalQueues {
  readonly #queues = new Map<string, Queue>();
  #closed = false;

  constructor(
    plans: readonly QueuePlan[],
    /** The edge's URL: queue URLs point at it, as AWS's point at SQS. */
    private readonly edgeUrl: string,
    private readonly now: () => number = Date.now,
  ) {
    for (const plan of plans) {
      this.#queues.set(plan.name, {
        plan,
        createdAt: now(),
        messages: [],
        waiters: new Set(),
      });
    }
  }

  names() {
    return [...this.#queues.keys()];
  }

  arnOf(name: string) {
    return this.byName(name).plan.arn;
  }

  urlOf(name: string) {
    return `${this.edgeUrl}/${ACCOUNT}/${name}`;
  }

  /** A queue by its URL (any host: SDKs may rewrite it), or QueueDoesNotExist. */
  byUrl(url: string): Queue {
    if (!URL.canParse(url, this.edgeUrl)) throw queueNotFound();
    const [account, name, ...rest] = new URL(url, this.edgeUrl).pathname.split('/').slice(1);
    const queue =
      account === ACCOUNT && rest.length === 0 ? this.#queues.get(name ?? '') : undefined;
    if (!queue) throw queueNotFound();
    return queue;
  }

  byName(name: string): Queue {
    const queue = this.#queues.get(name);
    if (!queue) throw queueNotFound();
    return queue;
  }

  /** Sends to the queue an ARN names; false when no such queue runs (the caller logs the loss). */
  send(
    queueArn: string,
    body: string,
    { attributes = {}, senderId }: { attributes?: Record<string, string>; senderId: string },
  ): boolean {
    const queue = [...this.#queues.values()].find((q) => q.plan.arn === queueArn);
    if (!queue || this.#closed) return false;
    queue.messages.push({
      messageId: randomUUID(),
      body,
      attributes: Object.fromEntries(
        Object.entries(attributes).map(([name, value]) => [
          name,
          { DataType: 'String', StringValue: value },
        ]),
      ),
      senderId,
      sentAt: this.now(),
      receiveCount: 0,
      visibleAt: this.now(),
      receiptHandles: new Set(),
    });
    for (const wake of queue.waiters) wake();
    return true;
  }

  /** Every message a queue holds, visible or not, oldest first, without receiving any. */
  peek(name: string): readonly QueuedMessage[] {
    return this.#live(this.byName(name));
  }

  /** Up to `max` visible messages, hidden for `visibilityTimeoutS`; waits up to `waitS` for one. */
  async receive(
    queue: Queue,
    { max, visibilityTimeoutS, waitS }: { max: number; visibilityTimeoutS?: number; waitS: number },
  ): Promise<ReceivedMessage[]> {
    const deadline = this.now() + waitS * 1000;
    for (;;) {
      const received = this.#take(queue, max, visibilityTimeoutS);
      const left = deadline - this.now();
      if (received.length > 0 || left <= 0 || this.#closed) return received;
      await this.#waitForMessage(queue, left);
    }
  }

  delete(queue: Queue, receiptHandle: string) {
    const index = queue.messages.findIndex((m) => m.receiptHandles.has(receiptHandle));
    if (index >= 0) queue.messages.splice(index, 1);
    else if (!isReceiptHandle(receiptHandle)) {
      throw new AwsError(
        'ReceiptHandleIsInvalid',
        `The input receipt handle "${receiptHandle}" is not a valid receipt handle.`,
      );
    }
  }

  changeVisibility(queue: Queue, receiptHandle: string, visibilityTimeoutS: number) {
    checkVisibilityTimeout(visibilityTimeoutS);
    const message = queue.messages.find((m) => m.receiptHandles.has(receiptHandle));
    if (!message) {
      throw new AwsError(
        'ReceiptHandleIsInvalid',
        `The input receipt handle "${receiptHandle}" is not a valid receipt handle.`,
      );
    }
    if (message.visibleAt <= this.now()) {
      throw new AwsError('MessageNotInflight', 'The message referred to is not in flight.');
    }
    message.visibleAt = this.now() + visibilityTimeoutS * 1000;
    if (visibilityTimeoutS === 0) for (const wake of queue.waiters) wake();
  }

  /** GetQueueAttributes' values, every one as the string SQS answers. */
  attributes(queue: Queue): Record<string, string> {
    const messages = this.#live(queue);
    const inFlight = messages.filter((m) => m.visibleAt > this.now()).length;
    const seconds = (ms: number) => String(Math.floor(ms / 1000));
    return {
      QueueArn: queue.plan.arn,
      ApproximateNumberOfMessages: String(messages.length - inFlight),
      ApproximateNumberOfMessagesNotVisible: String(inFlight),
      ApproximateNumberOfMessagesDelayed: '0',
      CreatedTimestamp: seconds(queue.createdAt),
      LastModifiedTimestamp: seconds(queue.createdAt),
      VisibilityTimeout: String(QUEUE_DEFAULTS.VisibilityTimeout),
      MaximumMessageSize: String(QUEUE_DEFAULTS.MaximumMessageSize),
      MessageRetentionPeriod: String(queue.plan.retentionS),
      DelaySeconds: String(QUEUE_DEFAULTS.DelaySeconds),
      ReceiveMessageWaitTimeSeconds: String(QUEUE_DEFAULTS.ReceiveMessageWaitTimeSeconds),
      SqsManagedSseEnabled: 'true',
    };
  }

  close() {
    this.#closed = true;
    for (const queue of this.#queues.values()) for (const wake of queue.waiters) wake();
  }

  #live(queue: Queue) {
    const oldest = this.now() - queue.plan.retentionS * 1000;
    queue.messages = queue.messages.filter((m) => m.sentAt > oldest);
    return queue.messages;
  }

  #take(queue: Queue, max: number, visibilityTimeoutS = QUEUE_DEFAULTS.VisibilityTimeout) {
    checkVisibilityTimeout(visibilityTimeoutS);
    const now = this.now();
    return this.#live(queue)
      .filter((m) => m.visibleAt <= now)
      .slice(0, max)
      .map((message) => {
        const receiptHandle = receiptHandleFor(message.messageId);
        message.receiptHandles.add(receiptHandle);
        message.receiveCount += 1;
        message.firstReceivedAt ??= now;
        message.visibleAt = now + visibilityTimeoutS * 1000;
        return { message, receiptHandle };
      });
  }

  #waitForMessage(queue: Queue, ms: number) {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        queue.waiters.delete(wake);
        resolve();
      };
      // A hidden message may come back before anything is sent: look again at least each second.
      const timer = setTimeout(wake, Math.min(ms, 1_000));
      queue.waiters.add(wake);
    });
  }
}

const RECEIPT_PREFIX = 'local-receipt:';
const receiptHandleFor = (messageId: string) =>
  Buffer.from(`${RECEIPT_PREFIX}${messageId}:${randomUUID()}`).toString('base64');
/** A handle this queue issued for a message since deleted: deleting again succeeds, as on SQS. */
const isReceiptHandle = (handle: string) =>
  Buffer.from(handle, 'base64').toString('utf8').startsWith(RECEIPT_PREFIX);

const checkVisibilityTimeout = (seconds: number) => {
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_VISIBILITY_TIMEOUT_S) {
    throw new AwsError(
      'InvalidParameterValue',
      `Value ${seconds} for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200.`,
    );
  }
};
