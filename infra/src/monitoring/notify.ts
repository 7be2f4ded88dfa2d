import {
  Alarm,
  type AlarmProps,
  ComparisonOperator,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

/**
 * An alarm that emails through the topic when it fires and when it clears. By default it fires
 * above its threshold on one period, and no data (nothing happened) is not a breach.
 */
export const notifyingAlarm = (
  scope: Construct,
  id: string,
  topic: ITopic,
  props: Omit<AlarmProps, 'evaluationPeriods'> & { evaluationPeriods?: number },
) => {
  const alarm = new Alarm(scope, id, {
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    ...props,
  });
  const action = new SnsAction(topic);
  alarm.addAlarmAction(action);
  alarm.addOkAction(action);
  return alarm;
};
