import type { EventContract } from '@mytabs/contracts';
import { Duration } from 'aws-cdk-lib';
import { type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface EventSubscriptionProps {
  bus: IEventBus;
  /** The subscribed events' contracts: one rule matches any of them. */
  events: EventContract[];
  handler: IFunction;
  retryAttempts: number;
  maxEventAgeS: number;
  deadLetterQueue: IQueue;
}

/**
 * A manifest subscription: a rule on `mytabs` whose pattern is the union of the contracts'
 * patterns (detail types are unique in the catalog, so merging sources and detail types selects
 * exactly those events), targeting the function with retries and a dead-letter queue.
 */
export class EventSubscription extends Construct {
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: EventSubscriptionProps) {
    super(scope, id);
    const patterns = props.events.map((e) => e.cdkPattern);
    this.rule = new Rule(this, 'Rule', {
      eventBus: props.bus,
      description: `${props.events.map((e) => e.detailType).join(', ')} -> ${props.handler.node.path}`,
      eventPattern: {
        source: [...new Set(patterns.flatMap((p) => p.source))].sort(),
        detailType: [...new Set(patterns.flatMap((p) => p.detailType))].sort(),
      },
      targets: [
        new LambdaFunction(props.handler, {
          retryAttempts: props.retryAttempts,
          maxEventAge: Duration.seconds(props.maxEventAgeS),
          deadLetterQueue: props.deadLetterQueue,
        }),
      ],
    });
  }
}
