import type { RulePlan } from '@mytabs/plan';
import { localArns } from '../naming.ts';
import type { PutRuleRequest, Target } from './rule-registry.ts';

/** A rule of the plan as PutRule and PutTargets take it: what the CDK app deploys on AWS. */
export const ruleRequests = (rule: RulePlan): { rule: PutRuleRequest; target: Target } => ({
  rule: {
    Name: rule.name,
    EventBusName: rule.bus,
    ...(rule.pattern && { EventPattern: JSON.stringify(rule.pattern) }),
    ...(rule.schedule && { ScheduleExpression: rule.schedule }),
    Description: rule.description,
  },
  target: {
    Id: rule.target.id,
    Arn: rule.target.functionArn,
    RetryPolicy: {
      MaximumRetryAttempts: rule.target.retryAttempts,
      ...(rule.target.maxEventAgeS !== undefined && {
        MaximumEventAgeInSeconds: rule.target.maxEventAgeS,
      }),
    },
    DeadLetterConfig: { Arn: localArns.queue(rule.target.deadLetterQueue) },
  },
});
