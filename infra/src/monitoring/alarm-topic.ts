import { Validations } from 'aws-cdk-lib';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';

export interface AlarmTopicProps {
  topicName: string;
  /** Who is emailed; unset, the topic has no subscription yet (one can be added by hand). */
  email?: string;
}

/** Where alarms go: an SNS topic (TLS only) with the operator's email subscribed. */
export class AlarmTopic extends Topic {
  constructor(scope: Construct, id: string, { topicName, email }: AlarmTopicProps) {
    super(scope, id, { topicName, enforceSSL: true });
    if (email) this.addSubscription(new EmailSubscription(email));
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm notifications carry alarm names and states, nothing of a buyer; CloudWatch cannot publish to a topic under the AWS-managed SNS key, and a key of our own would cost more than the topic.',
    });
  }
}
