import * as z from 'zod';
import { AwsError } from '../edge/aws-service.ts';
import type { LocalQueues, QueuedMessage } from './local-queues.ts';
import { md5OfBody, md5OfMessageAttributes } from './message-md5.ts';

/**
 * The SQS operations the recovery tools need on the dead-letter queues, on plain objects in the
 * JSON protocol's shapes; `sqs-json.ts` and `sqs-query.ts` carry them over either wire protocol.
 */
export type SqsOperation = (input: Record<string, unknown>) => Promise<object> | object;

const QueueUrl = z.string().min(1);
const Names = z.array(z.string()).optional();

const parse = <T>(schema: z.ZodType<T>, input: unknown): T => {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const field = issue?.path.join('.') || 'input';
  throw new AwsError(
    issue?.code === 'invalid_type' && issue.input === undefined
      ? 'MissingParameter'
      : 'InvalidParameterValue',
    issue?.code === 'invalid_type' && issue.input === undefined
      ? `The request must contain the parameter ${field}.`
      : `Value for parameter ${field} is invalid. Reason: ${issue?.message}.`,
  );
};

const SYSTEM_ATTRIBUTES = [
  'SenderId',
  'SentTimestamp',
  'ApproximateReceiveCount',
  'ApproximateFirstReceiveTimestamp',
] as const;

const systemAttributes = (message: QueuedMessage, names: readonly string[]) => {
  const all: Record<(typeof SYSTEM_ATTRIBUTES)[number], string> = {
    SenderId: message.senderId,
    SentTimestamp: String(message.sentAt),
    ApproximateReceiveCount: String(message.receiveCount),
    ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? message.sentAt),
  };
  const wanted = names.includes('All') ? SYSTEM_ATTRIBUTES : names;
  return Object.fromEntries(
    SYSTEM_ATTRIBUTES.filter((name) => wanted.includes(name)).map((name) => [name, all[name]]),
  );
};

/** `All`, `.*`, a name, or a prefix ending in `.*`, as MessageAttributeNames takes them. */
const messageAttributes = (message: QueuedMessage, names: readonly string[]) =>
  Object.fromEntries(
    Object.entries(message.attributes).filter(([name]) =>
      names.some(
        (wanted) =>
          wanted === 'All' ||
          wanted === '.*' ||
          wanted === name ||
          (wanted.endsWith('.*') && name.startsWith(wanted.slice(0, -2))),
      ),
    ),
  );

const ReceiveInput = z.object({
  QueueUrl,
  AttributeNames: Names,
  MessageSystemAttributeNames: Names,
  MessageAttributeNames: Names,
  MaxNumberOfMessages: z.number().int().min(1).max(10).default(1),
  VisibilityTimeout: z.number().int().optional(),
  WaitTimeSeconds: z.number().int().min(0).max(20).default(0),
});

export const sqsOperations = (queues: LocalQueues): Record<string, SqsOperation> => ({
  ListQueues(input) {
    const {
      QueueNamePrefix = '',
      MaxResults,
      NextToken,
    } = parse(
      z.object({
        QueueNamePrefix: z.string().optional(),
        MaxResults: z.number().int().min(1).max(1000).optional(),
        NextToken: z.string().regex(/^\d+$/).optional(),
      }),
      input,
    );
    const names = queues.names().filter((name) => name.startsWith(QueueNamePrefix));
    const start = Number(NextToken ?? 0);
    const end = start + (MaxResults ?? 1000);
    return {
      QueueUrls: names.slice(start, end).map((name) => queues.urlOf(name)),
      ...(MaxResults !== undefined && end < names.length ? { NextToken: String(end) } : {}),
    };
  },

  GetQueueUrl(input) {
    const { QueueName } = parse(z.object({ QueueName: z.string().min(1) }), input);
    queues.byName(QueueName);
    return { QueueUrl: queues.urlOf(QueueName) };
  },

  GetQueueAttributes(input) {
    const { QueueUrl: url, AttributeNames = [] } = parse(
      z.object({ QueueUrl, AttributeNames: Names }),
      input,
    );
    const all = queues.attributes(queues.byUrl(url));
    const unknown = AttributeNames.find((name) => name !== 'All' && !(name in all));
    if (unknown) throw new AwsError('InvalidAttributeName', `Unknown Attribute ${unknown}.`);
    return {
      Attributes: AttributeNames.includes('All')
        ? all
        : Object.fromEntries(Object.entries(all).filter(([name]) => AttributeNames.includes(name))),
    };
  },

  async ReceiveMessage(input) {
    const request = parse(ReceiveInput, input);
    const received = await queues.receive(queues.byUrl(request.QueueUrl), {
      max: request.MaxNumberOfMessages,
      waitS: request.WaitTimeSeconds,
      ...(request.VisibilityTimeout === undefined
        ? {}
        : { visibilityTimeoutS: request.VisibilityTimeout }),
    });
    const systemNames = [
      ...(request.AttributeNames ?? []),
      ...(request.MessageSystemAttributeNames ?? []),
    ];
    return {
      Messages: received.map(({ message, receiptHandle }) => {
        const attributes = systemAttributes(message, systemNames);
        const custom = messageAttributes(message, request.MessageAttributeNames ?? []);
        return {
          MessageId: message.messageId,
          ReceiptHandle: receiptHandle,
          MD5OfBody: md5OfBody(message.body),
          Body: message.body,
          ...(Object.keys(attributes).length > 0 ? { Attributes: attributes } : {}),
          ...(Object.keys(custom).length > 0
            ? { MD5OfMessageAttributes: md5OfMessageAttributes(custom), MessageAttributes: custom }
            : {}),
        };
      }),
    };
  },

  DeleteMessage(input) {
    const { QueueUrl: url, ReceiptHandle } = parse(
      z.object({ QueueUrl, ReceiptHandle: z.string().min(1) }),
      input,
    );
    queues.delete(queues.byUrl(url), ReceiptHandle);
    return {};
  },

  ChangeMessageVisibility(input) {
    const {
      QueueUrl: url,
      ReceiptHandle,
      VisibilityTimeout,
    } = parse(
      z.object({ QueueUrl, ReceiptHandle: z.string().min(1), VisibilityTimeout: z.number().int() }),
      input,
    );
    queues.changeVisibility(queues.byUrl(url), ReceiptHandle, VisibilityTimeout);
    return {};
  },
});
