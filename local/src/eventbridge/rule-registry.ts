import { AwsError } from '../edge/aws-service.ts';
import { ruleArn } from './event-arns.ts';
import type { EventEnvelope } from './event-envelope.ts';
import { compileEventPattern, type EventPattern } from './pattern/event-pattern.ts';
import { InvalidEventPatternError } from './pattern/invalid-event-pattern.ts';
import {
  InvalidScheduleError,
  parseSchedule,
  type Schedule,
} from './schedule/schedule-expression.ts';

/** A rule target in the API's own shape (what PutTargets takes and ListTargetsByRule returns). */
export interface Target {
  Id: string;
  Arn: string;
  Input?: string;
  InputPath?: string;
  RoleArn?: string;
  RetryPolicy?: { MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number };
  DeadLetterConfig?: { Arn?: string };
}

/** A rule as stored (and persisted). */
export interface RuleRecord {
  Name: string;
  EventBusName: string;
  Arn: string;
  EventPattern?: string;
  ScheduleExpression?: string;
  State: 'ENABLED' | 'DISABLED';
  Description?: string;
  RoleArn?: string;
  /** Epoch ms: a rate schedule counts from here. */
  createdAt: number;
  targets: Target[];
}

export interface Rule {
  record: RuleRecord;
  pattern?: EventPattern;
  schedule?: Schedule;
}

export interface PutRuleRequest {
  Name: string;
  EventBusName: string;
  EventPattern?: string;
  ScheduleExpression?: string;
  State?: 'ENABLED' | 'DISABLED';
  Description?: string;
  RoleArn?: string;
}

const NAME = /^[.\-_A-Za-z0-9]{1,64}$/;
const MAX_TARGETS = 5;

export const invalidPattern = (error: InvalidEventPatternError) =>
  new AwsError('InvalidEventPatternException', error.message);

const notFound = (name: string, bus: string) =>
  new AwsError('ResourceNotFoundException', `Rule ${name} does not exist on EventBus ${bus}.`);

/** Every rule of every bus, with its compiled pattern or schedule. `onChange` sees each mutation. */
export class RuleRegistry {
  readonly #rules = new Map<string, Rule>();

  constructor(
    private readonly now: () => number,
    private readonly onChange: () => void = () => {},
  ) {}

  static key = (bus: string, name: string) => `${bus}/${name}`;

  #compile(record: RuleRecord): Rule {
    try {
      return {
        record,
        ...(record.EventPattern ? { pattern: compileEventPattern(record.EventPattern) } : {}),
        ...(record.ScheduleExpression
          ? { schedule: parseSchedule(record.ScheduleExpression, new Date(record.createdAt)) }
          : {}),
      };
    } catch (error) {
      if (error instanceof InvalidEventPatternError) throw invalidPattern(error);
      if (error instanceof InvalidScheduleError)
        throw new AwsError('ValidationException', error.message);
      throw error;
    }
  }

  /** Restore persisted rules as they were (targets included). */
  load(records: readonly RuleRecord[]) {
    for (const record of records) {
      this.#rules.set(RuleRegistry.key(record.EventBusName, record.Name), this.#compile(record));
    }
  }

  put(request: PutRuleRequest): string {
    if (!NAME.test(request.Name)) {
      throw new AwsError(
        'ValidationException',
        `1 validation error detected: Value '${request.Name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+`,
      );
    }
    if (!request.EventPattern && !request.ScheduleExpression) {
      throw new AwsError(
        'ValidationException',
        'Parameter(s) EventPattern or ScheduleExpression must be specified.',
      );
    }
    if (request.ScheduleExpression && request.EventBusName !== 'default') {
      throw new AwsError(
        'ValidationException',
        'ScheduleExpression is supported only on the default event bus.',
      );
    }
    const key = RuleRegistry.key(request.EventBusName, request.Name);
    const existing = this.#rules.get(key)?.record;
    const record: RuleRecord = {
      Name: request.Name,
      EventBusName: request.EventBusName,
      Arn: ruleArn(request.EventBusName, request.Name),
      ...(request.EventPattern ? { EventPattern: request.EventPattern } : {}),
      ...(request.ScheduleExpression ? { ScheduleExpression: request.ScheduleExpression } : {}),
      State: request.State ?? 'ENABLED',
      ...(request.Description === undefined ? {} : { Description: request.Description }),
      ...(request.RoleArn === undefined ? {} : { RoleArn: request.RoleArn }),
      createdAt: existing?.createdAt ?? this.now(),
      targets: existing?.targets ?? [],
    };
    this.#rules.set(key, this.#compile(record));
    this.onChange();
    return record.Arn;
  }

  get(bus: string, name: string): Rule {
    const rule = this.#rules.get(RuleRegistry.key(bus, name));
    if (!rule) throw notFound(name, bus);
    return rule;
  }

  delete(bus: string, name: string) {
    const rule = this.#rules.get(RuleRegistry.key(bus, name));
    if (!rule) return;
    if (rule.record.targets.length > 0) {
      throw new AwsError('ValidationException', "Rule can't be deleted since it has targets.");
    }
    this.#rules.delete(RuleRegistry.key(bus, name));
    this.onChange();
  }

  setState(bus: string, name: string, state: 'ENABLED' | 'DISABLED') {
    this.get(bus, name).record.State = state;
    this.onChange();
  }

  list(bus?: string): Rule[] {
    return [...this.#rules.values()]
      .filter((r) => bus === undefined || r.record.EventBusName === bus)
      .sort((a, b) => a.record.Name.localeCompare(b.record.Name));
  }

  putTargets(bus: string, name: string, targets: readonly Target[]) {
    const { record } = this.get(bus, name);
    const failed: { TargetId: string; ErrorCode: string; ErrorMessage: string }[] = [];
    for (const target of targets) {
      const others = record.targets.filter((t) => t.Id !== target.Id);
      if (others.length >= MAX_TARGETS) {
        failed.push({
          TargetId: target.Id,
          ErrorCode: 'LimitExceededException',
          ErrorMessage: `The requested resource exceeds the maximum number allowed (${MAX_TARGETS} targets per rule).`,
        });
        continue;
      }
      record.targets = [...others, target];
    }
    this.onChange();
    return failed;
  }

  removeTargets(bus: string, name: string, ids: readonly string[]) {
    const { record } = this.get(bus, name);
    record.targets = record.targets.filter((t) => !ids.includes(t.Id));
    this.onChange();
  }

  /** Enabled pattern rules of `bus` that match `event`, optionally only those named by ARN. */
  matching(bus: string, event: EventEnvelope, onlyArns?: readonly string[]): Rule[] {
    return this.list(bus).filter(
      (r) =>
        r.record.State === 'ENABLED' &&
        r.pattern?.matches(event as unknown as Record<string, unknown>) &&
        (onlyArns === undefined || onlyArns.includes(r.record.Arn)),
    );
  }

  records(): RuleRecord[] {
    return this.list().map((r) => r.record);
  }
}
