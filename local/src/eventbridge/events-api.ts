import * as z from 'zod';
import { AwsError, type AwsService } from '../edge/aws-service.ts';
import { jsonProtocolService } from '../edge/json-protocol.ts';
import { busArn, busNameOf } from './event-arns.ts';
import type { LocalEventBridge } from './local-event-bridge.ts';
import { compileEventPattern } from './pattern/event-pattern.ts';
import { InvalidEventPatternError } from './pattern/invalid-event-pattern.ts';
import { PutEventsInput } from './put-events-entries.ts';
import type { ReplayRecord } from './replays.ts';
import { invalidPattern, type Rule } from './rule-registry.ts';

/** Parse an operation's input as AWS validates it: a wrong shape is a ValidationException. */
const parse = <T extends z.ZodType>(schema: T, input: unknown): z.infer<T> => {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues;
    throw new AwsError(
      'ValidationException',
      `${issues.length} validation error${issues.length > 1 ? 's' : ''} detected: ${issues
        .map((i) => `Value at '${i.path.join('.')}' failed to satisfy constraint: ${i.message}`)
        .join('; ')}`,
    );
  }
  return result.data;
};

/** AWS JSON protocols carry timestamps as epoch seconds. */
const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);
const timestamp = z.union([z.number(), z.string()]).transform((t, ctx) => {
  const ms = typeof t === 'number' ? t * 1000 : Date.parse(t);
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: 'must be a timestamp' });
    return z.NEVER;
  }
  return ms;
});

const busName = z.string().optional().transform(busNameOf);
/** The API's length limit of a pattern (AWS's default quota is 2048, raisable to this). */
const eventPattern = z.string().max(4096);
const ruleRef = z.object({ Name: z.string().min(1), EventBusName: busName });
const target = z.object({
  Id: z.string().regex(/^[.\-_A-Za-z0-9]{1,64}$/),
  Arn: z.string().min(1),
  Input: z.string().optional(),
  InputPath: z.string().optional(),
  RoleArn: z.string().optional(),
  RetryPolicy: z
    .object({
      MaximumRetryAttempts: z.number().int().min(0).max(185).optional(),
      MaximumEventAgeInSeconds: z.number().int().min(60).max(86_400).optional(),
    })
    .optional(),
  DeadLetterConfig: z.object({ Arn: z.string().optional() }).optional(),
});

const ruleOut = ({ record }: Rule) => ({
  Name: record.Name,
  Arn: record.Arn,
  ...(record.EventPattern ? { EventPattern: record.EventPattern } : {}),
  ...(record.ScheduleExpression ? { ScheduleExpression: record.ScheduleExpression } : {}),
  State: record.State,
  ...(record.Description === undefined ? {} : { Description: record.Description }),
  ...(record.RoleArn === undefined ? {} : { RoleArn: record.RoleArn }),
  EventBusName: record.EventBusName,
});

const replayOut = (r: ReplayRecord) => ({
  ReplayName: r.ReplayName,
  ReplayArn: r.ReplayArn,
  ...(r.Description === undefined ? {} : { Description: r.Description }),
  State: r.State,
  ...(r.StateReason === undefined ? {} : { StateReason: r.StateReason }),
  EventSourceArn: r.EventSourceArn,
  Destination: r.Destination,
  EventStartTime: seconds(r.EventStartTime),
  EventEndTime: seconds(r.EventEndTime),
  EventLastReplayedTime: seconds(r.EventLastReplayedTime),
  ReplayStartTime: seconds(r.ReplayStartTime),
  ReplayEndTime: seconds(r.ReplayEndTime),
});

/** The events envelope fields TestEventPattern requires, as its API reference lists them. */
const REQUIRED_EVENT_FIELDS = [
  'id',
  'account',
  'source',
  'time',
  'region',
  'resources',
  'detail-type',
];

/** EventBridge's API on the edge (`X-Amz-Target: AWSEvents.<Operation>`, JSON 1.1). */
export const eventsApi = (bridge: LocalEventBridge): AwsService => {
  const archiveOut = (name: string) => {
    const { record, events, sizeBytes } = bridge.archives.get(name);
    return {
      ArchiveName: record.ArchiveName,
      ArchiveArn: record.ArchiveArn,
      EventSourceArn: record.EventSourceArn,
      ...(record.Description === undefined ? {} : { Description: record.Description }),
      ...(record.EventPattern === undefined ? {} : { EventPattern: record.EventPattern }),
      State: 'ENABLED',
      RetentionDays: record.RetentionDays,
      SizeBytes: sizeBytes,
      EventCount: events.length,
      CreationTime: seconds(record.createdAt),
    };
  };
  const busOut = (name: string) => ({
    Name: name,
    Arn: busArn(name),
    CreationTime: seconds(bridge.createdAt),
    LastModifiedTime: seconds(bridge.createdAt),
  });

  return jsonProtocolService({
    name: 'events',
    targetPrefix: 'AWSEvents',
    version: '1.1',
    operations: {
      PutEvents(input) {
        const { Entries } = parse(PutEventsInput, input);
        const results = bridge.putEvents(Entries);
        return {
          FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length,
          Entries: results,
        };
      },

      ListEventBuses(input) {
        const { NamePrefix } = parse(z.object({ NamePrefix: z.string().optional() }), input);
        return {
          EventBuses: ['default', bridge.busName]
            .filter((b) => !NamePrefix || b.startsWith(NamePrefix))
            .map(busOut),
        };
      },

      DescribeEventBus(input) {
        const { Name } = parse(z.object({ Name: busName }), input);
        bridge.requireBus(Name);
        return busOut(Name);
      },

      PutRule(input) {
        const request = parse(
          z.object({
            Name: z.string(),
            EventBusName: busName,
            EventPattern: eventPattern.optional(),
            ScheduleExpression: z.string().optional(),
            State: z.enum(['ENABLED', 'DISABLED']).optional(),
            Description: z.string().max(512).optional(),
            RoleArn: z.string().optional(),
          }),
          input,
        );
        bridge.requireBus(request.EventBusName);
        return { RuleArn: bridge.rules.put(request) };
      },

      DeleteRule(input) {
        const { Name, EventBusName } = parse(
          ruleRef.extend({ Force: z.boolean().optional() }),
          input,
        );
        bridge.requireBus(EventBusName);
        bridge.rules.delete(EventBusName, Name);
        return {};
      },

      DescribeRule(input) {
        const { Name, EventBusName } = parse(ruleRef, input);
        bridge.requireBus(EventBusName);
        return { ...ruleOut(bridge.rules.get(EventBusName, Name)), CreatedBy: '000000000000' };
      },

      EnableRule(input) {
        const { Name, EventBusName } = parse(ruleRef, input);
        bridge.rules.setState(EventBusName, Name, 'ENABLED');
        return {};
      },

      DisableRule(input) {
        const { Name, EventBusName } = parse(ruleRef, input);
        bridge.rules.setState(EventBusName, Name, 'DISABLED');
        return {};
      },

      ListRules(input) {
        const { NamePrefix, EventBusName, Limit, NextToken } = parse(
          z.object({
            NamePrefix: z.string().optional(),
            EventBusName: busName,
            Limit: z.number().int().min(1).max(100).optional(),
            NextToken: z.string().regex(/^\d+$/).optional(),
          }),
          input,
        );
        bridge.requireBus(EventBusName);
        const rules = bridge.rules
          .list(EventBusName)
          .filter((r) => !NamePrefix || r.record.Name.startsWith(NamePrefix));
        const start = Number(NextToken ?? 0);
        const end = start + (Limit ?? 100);
        return {
          Rules: rules.slice(start, end).map(ruleOut),
          ...(end < rules.length ? { NextToken: String(end) } : {}),
        };
      },

      ListRuleNamesByTarget(input) {
        const { TargetArn, EventBusName } = parse(
          z.object({ TargetArn: z.string(), EventBusName: busName }),
          input,
        );
        return {
          RuleNames: bridge.rules
            .list(EventBusName)
            .filter((r) => r.record.targets.some((t) => t.Arn === TargetArn))
            .map((r) => r.record.Name),
        };
      },

      PutTargets(input) {
        const { Rule, EventBusName, Targets } = parse(
          z.object({
            Rule: z.string(),
            EventBusName: busName,
            Targets: z.array(target).min(1).max(10),
          }),
          input,
        );
        const failed = bridge.rules.putTargets(EventBusName, Rule, Targets);
        return { FailedEntryCount: failed.length, FailedEntries: failed };
      },

      RemoveTargets(input) {
        const { Rule, EventBusName, Ids } = parse(
          z.object({
            Rule: z.string(),
            EventBusName: busName,
            Ids: z.array(z.string()).min(1).max(100),
            Force: z.boolean().optional(),
          }),
          input,
        );
        bridge.rules.removeTargets(EventBusName, Rule, Ids);
        return { FailedEntryCount: 0, FailedEntries: [] };
      },

      ListTargetsByRule(input) {
        const { Rule, EventBusName } = parse(
          z.object({ Rule: z.string(), EventBusName: busName }),
          input,
        );
        return { Targets: bridge.rules.get(EventBusName, Rule).record.targets };
      },

      TestEventPattern(input) {
        const { EventPattern, Event } = parse(
          z.object({ EventPattern: eventPattern, Event: z.string() }),
          input,
        );
        let event: unknown;
        try {
          event = JSON.parse(Event);
        } catch {
          throw new AwsError('ValidationException', 'Parameter Event is not valid.');
        }
        const isObject = typeof event === 'object' && event !== null && !Array.isArray(event);
        if (!isObject || !REQUIRED_EVENT_FIELDS.every((f) => Object.hasOwn(event as object, f))) {
          throw new AwsError('ValidationException', 'Parameter Event is not valid.');
        }
        try {
          return {
            Result: compileEventPattern(EventPattern).matches(event as Record<string, unknown>),
          };
        } catch (error) {
          if (error instanceof InvalidEventPatternError) throw invalidPattern(error);
          throw error;
        }
      },

      CreateArchive(input) {
        const request = parse(
          z.object({
            ArchiveName: z.string(),
            EventSourceArn: z.string(),
            Description: z.string().optional(),
            EventPattern: eventPattern.optional(),
            RetentionDays: z.number().int().min(0).optional(),
          }),
          input,
        );
        bridge.requireBus(busNameOf(request.EventSourceArn));
        const record = bridge.archives.create(request);
        return {
          ArchiveArn: record.ArchiveArn,
          State: 'ENABLED',
          CreationTime: seconds(record.createdAt),
        };
      },

      DescribeArchive(input) {
        const { ArchiveName } = parse(z.object({ ArchiveName: z.string() }), input);
        return archiveOut(ArchiveName);
      },

      ListArchives(input) {
        const { NamePrefix, EventSourceArn } = parse(
          z.object({
            NamePrefix: z.string().optional(),
            EventSourceArn: z.string().optional(),
            State: z.string().optional(),
          }),
          input,
        );
        return {
          Archives: bridge.archives
            .list()
            .filter((a) => !NamePrefix || a.record.ArchiveName.startsWith(NamePrefix))
            .filter((a) => !EventSourceArn || a.record.EventSourceArn === EventSourceArn)
            .map((a) => {
              const {
                Description: _d,
                EventPattern: _p,
                ArchiveArn: _a,
                ...summary
              } = archiveOut(a.record.ArchiveName);
              return summary;
            }),
        };
      },

      StartReplay(input) {
        const request = parse(
          z.object({
            ReplayName: z.string(),
            Description: z.string().optional(),
            EventSourceArn: z.string(),
            Destination: z.object({
              Arn: z.string(),
              FilterArns: z.array(z.string()).optional(),
            }),
            EventStartTime: timestamp,
            EventEndTime: timestamp,
          }),
          input,
        );
        const replay = bridge.replays.start(request);
        return {
          ReplayArn: replay.ReplayArn,
          State: replay.State,
          ReplayStartTime: seconds(replay.ReplayStartTime),
        };
      },

      DescribeReplay(input) {
        const { ReplayName } = parse(z.object({ ReplayName: z.string() }), input);
        return replayOut(bridge.replays.describe(ReplayName));
      },

      ListReplays(input) {
        const { NamePrefix, State, EventSourceArn } = parse(
          z.object({
            NamePrefix: z.string().optional(),
            State: z.string().optional(),
            EventSourceArn: z.string().optional(),
          }),
          input,
        );
        return {
          Replays: bridge.replays
            .list()
            .filter((r) => !NamePrefix || r.ReplayName.startsWith(NamePrefix))
            .filter((r) => !State || r.State === State)
            .filter((r) => !EventSourceArn || r.EventSourceArn === EventSourceArn)
            .map((r) => {
              const { Destination: _d, Description: _s, ReplayArn: _a, ...summary } = replayOut(r);
              return summary;
            }),
        };
      },

      CancelReplay(input) {
        const { ReplayName } = parse(z.object({ ReplayName: z.string() }), input);
        const replay = bridge.replays.cancel(ReplayName);
        return { ReplayArn: replay.ReplayArn, State: replay.State };
      },
    },
  });
};
