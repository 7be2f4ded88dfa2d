import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface ScheduledInvocationProps {
  /** `rate(...)` or `cron(...)`, as the manifest writes it. */
  expression: string;
  handler: IFunction;
  deadLetterQueue: IQueue;
}

/** A manifest schedule: a scheduled rule (on the default bus, where schedules live). */
export class ScheduledInvocation extends Construct {
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: ScheduledInvocationProps) {
    super(scope, id);
    this.rule = new Rule(this, 'Rule', {
      description: `${props.expression} -> ${props.handler.node.path}`,
      schedule: Schedule.expression(props.expression),
      targets: [
        new LambdaFunction(props.handler, {
          retryAttempts: 2,
          deadLetterQueue: props.deadLetterQueue,
        }),
      ],
    });
  }
}
