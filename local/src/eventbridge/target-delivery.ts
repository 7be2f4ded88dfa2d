import { AwsError } from '../edge/aws-service.ts';
import type { LocalQueues, QueuedMessage } from '../sqs/local-queues.ts';
import { deadLetterErrorCode } from './dead-letter-codes.ts';
import type { EventEnvelope } from './event-envelope.ts';
import type { RuleRecord, Target } from './rule-registry.ts';

/** What EventBridge needs of Lambda: an asynchronous Invoke. The local Lambda satisfies it. */
export interface LambdaInvoker {
  invoke(request: {
    functionName: string;
    payload: string;
    invocationType: 'Event';
    traceHeader?: string;
  }): Promise<unknown>;
}

/** What EventBridge needs of Step Functions for a state machine target. */
export interface WorkflowStarter {
  startExecution(request: {
    stateMachineArn: string;
    input: string;
    traceHeader?: string;
  }): Promise<unknown>;
}

/** An event no target took, as its dead-letter queue message says (body and attributes). */
export interface DeadLetteredEvent {
  ruleArn: string;
  targetArn: string;
  /** The target's `DeadLetterConfig.Arn`. */
  deadLetterQueueArn: string;
  /** The event, the message's body. */
  event: unknown;
  errorCode: string;
  errorMessage: string;
  exhaustedRetryCondition?: 'MaximumRetryAttempts' | 'MaximumEventAgeInSeconds';
  retryAttempts: number;
  sentAt: string;
}

const deadLetteredEvent = (queueArn: string, message: QueuedMessage): DeadLetteredEvent => {
  const attribute = (name: string) => message.attributes[name]?.StringValue ?? '';
  const exhausted = attribute('EXHAUSTED_RETRY_CONDITION');
  return {
    ruleArn: attribute('RULE_ARN'),
    targetArn: attribute('TARGET_ARN'),
    deadLetterQueueArn: queueArn,
    event: JSON.parse(message.body),
    errorCode: attribute('ERROR_CODE'),
    errorMessage: attribute('ERROR_MESSAGE'),
    ...(exhausted === 'MaximumRetryAttempts' || exhausted === 'MaximumEventAgeInSeconds'
      ? { exhaustedRetryCondition: exhausted }
      : {}),
    retryAttempts: Number(attribute('RETRY_ATTEMPTS')),
    sentAt: new Date(message.sentAt).toISOString(),
  };
};

export interface TargetDeliveryOptions {
  lambda: LambdaInvoker;
  workflows?: WorkflowStarter;
  /** Where a target's `DeadLetterConfig` points: the plan's queues. */
  queues: LocalQueues;
  log: (line: string) => void;
  /** First retry delay; each next one doubles, up to `retryMaxDelayMs`. */
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
}

/** AWS's defaults when a target sets no retry policy. */
const DEFAULT_RETRIES = 185;
const DEFAULT_MAX_AGE_S = 86_400;

/** `$.detail.data` style InputPath: the part of the event a target asked for. */
const selectPath = (event: unknown, path: string): unknown =>
  path === '$'
    ? event
    : path
        .replace(/^\$\.?/, '')
        .split('.')
        .reduce<unknown>(
          (value, key) =>
            typeof value === 'object' && value !== null
              ? (value as Record<string, unknown>)[key]
              : undefined,
          event,
        );

const payloadFor = (target: Target, event: EventEnvelope): string => {
  if (target.Input !== undefined) return target.Input;
  if (target.InputPath !== undefined)
    return JSON.stringify(selectPath(event, target.InputPath) ?? null);
  return JSON.stringify(event);
};

/** Errors a retry cannot fix (the target is gone or refuses us): AWS sends these to the DLQ at once. */
const isPermanent = (error: unknown) =>
  error instanceof AwsError &&
  error.status >= 400 &&
  error.status < 500 &&
  error.status !== 429 &&
  !/Throttl|TooManyRequests/.test(error.code);

/**
 * Delivers matched events to rule targets at least once: Lambda asynchronously (so the function's
 * own retries and on-failure destination apply), Step Functions by StartExecution. A target that
 * cannot be reached is retried with exponential backoff under its retry policy, then its event is
 * sent to the target's dead-letter queue, or dropped (and logged) if it has none, as on AWS.
 */
export class TargetDelivery {
  readonly #waits = new Map<NodeJS.Timeout, () => void>();
  readonly #inFlight = new Set<Promise<void>>();
  #closed = false;

  constructor(private readonly options: TargetDeliveryOptions) {}

  /** `traceHeader`: the PutEvents entry's, passed on to the target (its segments join that trace). */
  deliver(rule: RuleRecord, event: EventEnvelope, traceHeader?: string) {
    for (const target of rule.targets) {
      const delivery = this.#deliverWithRetries(rule, target, event, traceHeader);
      this.#inFlight.add(delivery);
      void delivery.finally(() => this.#inFlight.delete(delivery));
    }
  }

  /** The events in the queues the rules' targets dead-letter to, read without receiving them. */
  deadLetters(ruleArn?: string): DeadLetteredEvent[] {
    const { queues } = this.options;
    return queues
      .names()
      .flatMap((name) =>
        queues
          .peek(name)
          .filter((m) => 'RULE_ARN' in m.attributes)
          .map((m) => deadLetteredEvent(queues.arnOf(name), m)),
      )
      .filter((d) => ruleArn === undefined || d.ruleArn === ruleArn)
      .sort((a, b) => a.sentAt.localeCompare(b.sentAt));
  }

  /** Deliveries not yet handed over or dead-lettered (some may be waiting for a retry). */
  get pending() {
    return this.#inFlight.size;
  }

  /** Resolves once every delivery started so far has succeeded or been dead-lettered. */
  async settled() {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  async close() {
    this.#closed = true;
    for (const [timer, wake] of this.#waits) {
      clearTimeout(timer);
      wake();
    }
    await this.settled();
  }

  async #send(target: Target, payload: string, traceHeader: string | undefined) {
    const service = target.Arn.split(':')[2];
    const trace = traceHeader ? { traceHeader } : {};
    if (service === 'lambda') {
      await this.options.lambda.invoke({
        functionName: target.Arn,
        payload,
        invocationType: 'Event',
        ...trace,
      });
    } else if (service === 'states') {
      if (!this.options.workflows) throw new Error('Step Functions is not reachable');
      await this.options.workflows.startExecution({
        stateMachineArn: target.Arn,
        input: payload,
        ...trace,
      });
    } else {
      throw new AwsError(
        'InvalidTarget',
        `Targets of type ${service} are not emulated locally`,
        400,
      );
    }
  }

  async #deliverWithRetries(
    rule: RuleRecord,
    target: Target,
    event: EventEnvelope,
    traceHeader: string | undefined,
  ) {
    const payload = payloadFor(target, event);
    const maxRetries = target.RetryPolicy?.MaximumRetryAttempts ?? DEFAULT_RETRIES;
    const maxAgeMs = (target.RetryPolicy?.MaximumEventAgeInSeconds ?? DEFAULT_MAX_AGE_S) * 1000;
    const base = this.options.retryBaseDelayMs ?? 1_000;
    const cap = this.options.retryMaxDelayMs ?? 60_000;
    const started = Date.now();
    for (let retries = 0; ; retries++) {
      try {
        await this.#send(target, payload, traceHeader);
        return;
      } catch (error) {
        const delay = Math.min(cap, base * 2 ** retries);
        const expired = Date.now() + delay - started > maxAgeMs;
        if (isPermanent(error) || retries >= maxRetries || expired || this.#closed) {
          this.#deadLetter(rule, target, event, error, retries, {
            permanent: isPermanent(error),
            expired,
          });
          return;
        }
        await this.#wait(delay);
      }
    }
  }

  #wait(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.#waits.delete(timer);
        resolve();
      }, ms);
      this.#waits.set(timer, resolve);
    });
  }

  #deadLetter(
    rule: RuleRecord,
    target: Target,
    event: EventEnvelope,
    error: unknown,
    retryAttempts: number,
    why: { permanent: boolean; expired: boolean },
  ) {
    const errorCode = deadLetterErrorCode(error);
    const errorMessage = error instanceof Error ? error.message : String(error);
    const queueArn = target.DeadLetterConfig?.Arn;
    const sent =
      queueArn !== undefined &&
      this.options.queues.send(queueArn, JSON.stringify(event), {
        senderId: 'events.amazonaws.com',
        attributes: {
          RULE_ARN: rule.Arn,
          TARGET_ARN: target.Arn,
          ERROR_CODE: errorCode,
          ERROR_MESSAGE: errorMessage,
          ...(why.permanent
            ? {}
            : {
                EXHAUSTED_RETRY_CONDITION: why.expired
                  ? 'MaximumEventAgeInSeconds'
                  : 'MaximumRetryAttempts',
              }),
          RETRY_ATTEMPTS: String(retryAttempts),
        },
      });
    const outcome = sent
      ? `the event is in its dead-letter queue ${queueArn}`
      : queueArn
        ? `its dead-letter queue ${queueArn} does not exist locally, so the event is dropped`
        : 'it has no dead-letter queue, so the event is dropped';
    this.options.log(
      `eventbridge: rule ${rule.Name} could not deliver to ${target.Arn} after ${retryAttempts} retries (${errorCode}: ${errorMessage}); ${outcome}`,
    );
  }
}
