import {
  DescribeArchiveCommand,
  DescribeReplayCommand,
  DescribeRuleCommand,
  StartReplayCommand,
} from '@aws-sdk/client-eventbridge';
import type { Target } from './target.ts';

export interface ReplayRequest {
  from: Date;
  to: Date;
  /** Rules by name or by their function (`ticketing.settleHold`); none: every rule of the bus. */
  rules: string[];
  dryRun: boolean;
}

const ruleNamed = (target: Target, name: string) => {
  const fn = target.plan.functions.find((f) => f.ref === name);
  const rule = target.plan.rules.find(
    (r) => r.name === name || (fn && r.target.functionName === fn.name && r.pattern),
  );
  if (!rule?.pattern) {
    throw new Error(`no subscription rule ${name} on the bus of stage ${target.stage}`);
  }
  return rule;
};

/**
 * The archive's events of a window sent again to the named rules only (StartReplay's
 * `FilterArns`), waited for until the replay ends. Every consumer is idempotent, so an event
 * its rule had delivered before does nothing again.
 */
export const replay = async (
  target: Target,
  request: ReplayRequest,
  { pollMs = 1000 }: { pollMs?: number } = {},
) => {
  const rules = request.rules.map((r) => ruleNamed(target, r));
  const archive = await target.events.send(
    new DescribeArchiveCommand({ ArchiveName: target.names.archive }),
  );
  const filterArns = await Promise.all(
    rules.map(
      async (r) =>
        (await target.events.send(new DescribeRuleCommand({ Name: r.name, EventBusName: r.bus })))
          .Arn as string,
    ),
  );
  const plan = {
    archive: target.names.archive,
    from: request.from.toISOString(),
    to: request.to.toISOString(),
    rules: rules.map((r) => r.name),
  };
  if (request.dryRun) return { ...plan, state: 'NOT_STARTED (dry run)' };
  const ReplayName = `ops-${Date.now()}`;
  await target.events.send(
    new StartReplayCommand({
      ReplayName,
      EventSourceArn: archive.ArchiveArn,
      EventStartTime: request.from,
      EventEndTime: request.to,
      Destination: {
        Arn: archive.EventSourceArn,
        ...(filterArns.length > 0 && { FilterArns: filterArns }),
      },
    }),
  );
  for (;;) {
    const described = await target.events.send(new DescribeReplayCommand({ ReplayName }));
    if (described.State !== 'STARTING' && described.State !== 'RUNNING') {
      return {
        ...plan,
        replay: ReplayName,
        state: described.State,
        ...(described.StateReason && { reason: described.StateReason }),
        lastReplayed: described.EventLastReplayedTime?.toISOString(),
      };
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
};
