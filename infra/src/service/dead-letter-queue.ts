import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * Where a function's failed deliveries land: the EventBridge target's dead-letter queue and the
 * function's on-failure destination for async invocations. Encrypted, TLS only, kept 14 days,
 * named by the plan so an operator finds it by its function's name.
 */
export class DeadLetterQueue extends Queue {
  constructor(scope: Construct, id: string, { queueName }: { queueName: string }) {
    super(scope, id, {
      queueName,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself a dead-letter queue (of EventBridge targets and Lambda async invocations); cdk-nag only recognises queues named in another queue’s redrive policy.',
    });
  }
}
