import type { SamplingRulePlan } from '@mytabs/plan';
import { CfnSamplingRule } from 'aws-cdk-lib/aws-xray';
import { Construct } from 'constructs';

export interface KeptTracesProps {
  /** The API stage as X-Ray names its segments: `<api name>/<stage>`. */
  serviceName: string;
  rules: readonly SamplingRulePlan[];
}

/**
 * The plan's sampling rules: every request of a `keepTraces` route is traced (the trace starts at
 * the API stage, and functions, the bus and the workflow follow its decision), so each order's
 * checkout and fulfillment can be found by its id; other routes keep X-Ray's default sampling.
 */
export class KeptTraces extends Construct {
  constructor(scope: Construct, id: string, { serviceName, rules }: KeptTracesProps) {
    super(scope, id);
    for (const rule of rules) {
      new CfnSamplingRule(this, rule.name, {
        samplingRule: {
          ruleName: rule.name,
          priority: rule.priority,
          fixedRate: 1,
          reservoirSize: 1,
          serviceName,
          serviceType: 'AWS::ApiGateway::Stage',
          host: '*',
          httpMethod: rule.method,
          urlPath: rule.urlPath,
          resourceArn: '*',
          version: 1,
        },
      });
    }
  }
}
