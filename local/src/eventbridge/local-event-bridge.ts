import { randomUUID } from 'node:crypto';
import type { Plan } from '@mytabs/plan';
import { AwsError } from '../edge/aws-service.ts';
import { ACCOUNT, REGION } from '../naming.ts';
import type { LocalQueues } from '../sqs/local-queues.ts';
import { ArchiveStore } from './archive-store.ts';
import { type Clock, systemClock } from './clock.ts';
import { busArn, busNameOf } from './event-arns.ts';
import { type EventEnvelope, envelope, eventTime } from './event-envelope.ts';
import { EventBridgeFiles } from './persistence.ts';
import { ruleRequests } from './plan-rules.ts';
import { checkEntry, checkRequestLimits, type PutEventsEntry } from './put-events-entries.ts';
import { Replays } from './replays.ts';
import { type Rule, RuleRegistry } from './rule-registry.ts';
import { Scheduler } from './scheduler.ts';
import type { ServiceEvent } from './service-events.ts';
import {
  type DeadLetteredEvent,
  type LambdaInvoker,
  TargetDelivery,
  type WorkflowStarter,
} from './target-delivery.ts';

export interface LocalEventBridgeOptions {
  /** The stage's bus, its archive, and its rules (subscriptions and schedules). */
  plan: Pick<Plan, 'bus' | 'archive' | 'rules'>;
  lambda: LambdaInvoker;
  /** For Step Functions targets; without it they are unreachable (retried, then dead-lettered). */
  workflows?: WorkflowStarter;
  /** The dead-letter queues targets name. */
  queues: LocalQueues;
  clock?: Clock;
  /** With a data dir, rules and archives survive a restart. */
  dataDir?: string;
  log?: (line: string) => void;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
}

export type PutEventsResultEntry =
  | { EventId: string }
  | { ErrorCode: string; ErrorMessage: string };

/**
 * The local EventBridge: buses `default` and the stage's (`mytabs-local`), rules (from the plan and the API),
 * the full event-pattern language, schedules, delivery to Lambda and Step Functions with retries
 * and dead-letter queues, archives and replays.
 */
export class LocalEventBridge {
  readonly rules: RuleRegistry;
  readonly archives: ArchiveStore;
  readonly replays: Replays;
  readonly clock: Clock;
  readonly #delivery: TargetDelivery;
  readonly #scheduler: Scheduler;
  readonly #files?: EventBridgeFiles;
  readonly #log: (line: string) => void;
  readonly createdAt: number;
  /** The stage's bus: every domain event is put on it. */
  readonly busName: string;
  /** The archive of every event put on the stage's bus: what replays re-deliver. */
  readonly archiveName: string;

  constructor(options: LocalEventBridgeOptions) {
    this.busName = options.plan.bus.name;
    this.archiveName = options.plan.archive.name;
    this.clock = options.clock ?? systemClock;
    this.createdAt = this.clock.now();
    this.#log = options.log ?? (() => {});
    const now = () => this.clock.now();
    if (options.dataDir) this.#files = new EventBridgeFiles(options.dataDir);
    this.#delivery = new TargetDelivery({
      lambda: options.lambda,
      ...(options.workflows ? { workflows: options.workflows } : {}),
      queues: options.queues,
      log: this.#log,
      ...(options.retryBaseDelayMs === undefined
        ? {}
        : { retryBaseDelayMs: options.retryBaseDelayMs }),
      ...(options.retryMaxDelayMs === undefined
        ? {}
        : { retryMaxDelayMs: options.retryMaxDelayMs }),
    });
    this.#scheduler = new Scheduler(this.clock, (rule, at) => this.#fireSchedule(rule, at));
    this.rules = new RuleRegistry(now, () => this.#rulesChanged());
    this.archives = new ArchiveStore(now, this.#files);
    this.replays = new Replays(
      this.archives,
      (bus, event, only) => this.#route(bus, event, only),
      now,
    );

    this.rules.load(this.#files?.loadRules() ?? []);
    for (const { record, events } of this.#files?.loadArchives() ?? []) {
      this.archives.load(record, events);
    }
    if (!this.archives.list().some((a) => a.record.ArchiveName === this.archiveName)) {
      this.archives.create({
        ArchiveName: this.archiveName,
        EventSourceArn: busArn(this.busName),
        Description: `Every event put on ${this.busName}, for replay`,
      });
    }
    for (const { rule, target } of options.plan.rules.map(ruleRequests)) {
      this.rules.put(rule);
      this.rules.putTargets(rule.EventBusName, rule.Name, [target]);
    }
    this.#rulesChanged();
  }

  hasBus(name: string) {
    return name === 'default' || name === this.busName;
  }

  requireBus(name: string) {
    if (!this.hasBus(name)) {
      throw new AwsError('ResourceNotFoundException', `Event bus ${name} does not exist.`);
    }
  }

  /** PutEvents after the request-level checks: one result per entry, in order. */
  putEvents(entries: readonly PutEventsEntry[]): PutEventsResultEntry[] {
    checkRequestLimits(entries);
    return entries.map((entry) => {
      const checked = checkEntry(entry);
      if (!checked.ok) return { ErrorCode: checked.errorCode, ErrorMessage: checked.errorMessage };
      const bus = busNameOf(entry.EventBusName);
      if (!this.hasBus(bus)) {
        return {
          ErrorCode: 'ResourceNotFoundException',
          ErrorMessage: `Event bus ${bus} does not exist.`,
        };
      }
      const event = envelope({
        source: checked.source,
        detailType: checked.detailType,
        detail: checked.detail,
        ...(entry.Resources ? { resources: entry.Resources } : {}),
        time: checked.time ?? new Date(this.clock.now()),
      });
      this.archives.archive(busArn(bus), event);
      this.#route(bus, event, undefined, entry.TraceHeader);
      return { EventId: event.id };
    });
  }

  /** An AWS service's own event (SES's), on the default bus: where AWS services put theirs. */
  putServiceEvent(event: ServiceEvent) {
    const delivered = envelope({
      source: event.source,
      detailType: event.detailType,
      detail: event.detail,
      ...(event.resources ? { resources: event.resources } : {}),
      time: new Date(this.clock.now()),
    });
    this.archives.archive(busArn('default'), delivered);
    this.#route('default', delivered);
  }

  /** Events no target took, per rule, in the dead-letter queues their targets name. */
  deadLetters(ruleArn?: string): DeadLetteredEvent[] {
    return this.#delivery.deadLetters(ruleArn);
  }

  /** Deliveries to targets not yet handed over or dead-lettered. */
  pendingDeliveries() {
    return this.#delivery.pending;
  }

  /** Resolves once every delivery started so far has been handed over or dead-lettered. */
  settled() {
    return this.#delivery.settled();
  }

  async close() {
    this.#scheduler.close();
    await this.replays.close();
    await this.#delivery.close();
  }

  #route(bus: string, event: EventEnvelope, onlyRuleArns?: string[], traceHeader?: string) {
    for (const rule of this.rules.matching(bus, event, onlyRuleArns)) {
      this.#delivery.deliver(rule.record, event, traceHeader);
    }
  }

  #fireSchedule(rule: Rule, at: Date) {
    this.#delivery.deliver(rule.record, {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: ACCOUNT,
      time: eventTime(at),
      region: REGION,
      resources: [rule.record.Arn],
      detail: {},
    });
  }

  #rulesChanged() {
    this.#files?.saveRules(this.rules.records());
    this.#scheduler.sync(this.rules.list());
  }
}
