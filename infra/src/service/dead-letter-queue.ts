import type { QueuePlan } from '@mytabs/plan';
import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * Where a function's failed deliveries land: the EventBridge target's dead-letter queue and the
 * function's on-failure destination for async invocations. Encrypted, TLS only, named and kept
 * as long as the plan says, so an operator finds it by its function's name.
 */
export class DeadLetterQueue extends Queue {
  constructor(scope: Construct, id: string, plan: QueuePlan) {
    super(scope, id, {
      queueName: plan.name,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.seconds(plan.retentionS),
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself a dead-letter queue (of EventBridge targets and Lambda async invocations); cdk-nag only recognises queues named in another queue’s redrive policy.',
    });
  }
}
