import type { Template } from 'aws-cdk-lib/assertions';
import { type Json, resources } from '../template-queries.ts';

/** An alarm as a reader checks it: name, the metrics it reads, threshold, period, action. */
export interface AlarmView {
  name: string;
  description: string;
  threshold: number;
  /** `Namespace/MetricName` of every metric it reads (one, or each of a metric-math alarm's). */
  metrics: string[];
  dimensions: Json[];
  periods: number[];
  statistics: string[];
  expression?: string;
  actions: Json[];
  evaluationPeriods: number;
}

export const alarmsOf = (t: Template): AlarmView[] =>
  resources(t, 'AWS::CloudWatch::Alarm').map(([, p]) => {
    const stats: Json[] = p.Metrics
      ? p.Metrics.filter((m: Json) => m.MetricStat).map((m: Json) => ({
          ...m.MetricStat.Metric,
          Period: m.MetricStat.Period,
          Stat: m.MetricStat.Stat,
        }))
      : [
          {
            Namespace: p.Namespace,
            MetricName: p.MetricName,
            Dimensions: p.Dimensions,
            Period: p.Period,
            Stat: p.Statistic ?? p.ExtendedStatistic,
          },
        ];
    return {
      name: p.AlarmName,
      description: p.AlarmDescription,
      threshold: p.Threshold,
      metrics: stats.map((s) => `${s.Namespace}/${s.MetricName}`),
      dimensions: stats.map((s) => s.Dimensions),
      periods: stats.map((s) => s.Period),
      statistics: stats.map((s) => s.Stat),
      expression: p.Metrics?.find((m: Json) => m.Expression)?.Expression,
      actions: p.AlarmActions,
      evaluationPeriods: p.EvaluationPeriods,
    };
  });

export const alarmNamed = (alarms: AlarmView[], name: string) => {
  const found = alarms.find((a) => a.name === name);
  if (!found) throw new Error(`no alarm ${name}; there are ${alarms.map((a) => a.name)}`);
  return found;
};
