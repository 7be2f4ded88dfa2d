import type { RulePlan } from '@mytabs/plan';
import { Duration } from 'aws-cdk-lib';
import {
  type CfnRule,
  type EventPattern,
  type IEventBus,
  Rule,
  Schedule,
} from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface PlannedRuleProps {
  plan: RulePlan;
  /** The stage's bus for a subscription; none for a schedule (the default bus). */
  bus: IEventBus | undefined;
  handler: IFunction;
  deadLetterQueue: IQueue;
}

/**
 * A rule of the plan: its name, its bus, and its pattern exactly as the plan writes it, targeting
 * its function with the plan's retries and dead-letter queue. The pattern is EventBridge's own
 * JSON (`detail-type`, `$or`), which the CDK passes through unchanged; its typed `EventPattern`
 * has no `$or`, and a subscription to several events is one rule with `$or` of their contracts.
 */
export class PlannedRule extends Construct {
  readonly rule: Rule;

  constructor(
    scope: Construct,
    id: string,
    { plan, bus, handler, deadLetterQueue }: PlannedRuleProps,
  ) {
    super(scope, id);
    const { target } = plan;
    this.rule = new Rule(this, 'Rule', {
      ruleName: plan.name,
      description: plan.description,
      ...(bus && { eventBus: bus }),
      ...(plan.pattern && { eventPattern: plan.pattern as EventPattern }),
      ...(plan.schedule && { schedule: Schedule.expression(plan.schedule) }),
      targets: [
        new LambdaFunction(handler, {
          retryAttempts: target.retryAttempts,
          ...(target.maxEventAgeS !== undefined && {
            maxEventAge: Duration.seconds(target.maxEventAgeS),
          }),
          deadLetterQueue,
        }),
      ],
    });
    // The CDK numbers targets (`Target0`); the plan names each after its function, as locally.
    (this.rule.node.defaultChild as CfnRule).addPropertyOverride('Targets.0.Id', target.id);
  }
}
