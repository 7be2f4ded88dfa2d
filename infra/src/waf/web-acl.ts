import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface WebAclProps {
  name: string;
  /** `REGIONAL` for the API stage; `CLOUDFRONT` for distributions, created in us-east-1 only. */
  scope: 'REGIONAL' | 'CLOUDFRONT';
  /** Requests per 5 minutes from one IP before it is blocked. */
  rateLimitPer5Min: number;
  /** Bodies over this many bytes (at most 64 KB, what the WAF inspects) are answered this. */
  bodyLimit?: { maxBytes: number; answer: { status: number; body: string } };
}

/** The largest body inspection a regional web ACL allows, as its size-limit option names it. */
const inspectionLimit = (maxBytes: number) => {
  const kb = [16, 32, 48, 64].find((size) => size * 1024 >= maxBytes);
  if (!kb) throw new Error(`The WAF inspects at most 64 KB of a body, not ${maxBytes} bytes`);
  return `KB_${kb}`;
};

const visibility = (metricName: string) => ({
  cloudWatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
  metricName,
});

/** A WAF web ACL: AWS common and known-bad-inputs rules, and a rate limit per IP. */
export class WebAcl extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: WebAclProps) {
    super(scope, id);
    const managed = (name: string, priority: number, overrides?: string[]) => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          ruleActionOverrides: overrides?.map((rule) => ({
            name: rule,
            actionToUse: { count: {} },
          })),
        },
      },
      visibilityConfig: visibility(name),
    });
    const { bodyLimit } = props;
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: props.name,
      scope: props.scope,
      defaultAction: { allow: {} },
      visibilityConfig: visibility(props.name),
      ...(bodyLimit && {
        associationConfig: {
          requestBody: {
            API_GATEWAY: { defaultSizeInspectionLimit: inspectionLimit(bodyLimit.maxBytes) },
          },
        },
        customResponseBodies: {
          BodyTooLarge: { contentType: 'APPLICATION_JSON', content: bodyLimit.answer.body },
        },
      }),
      rules: [
        // Stripe's signed webhook bodies often exceed the common rule set's 8 KB body limit; the
        // API's own limit is BodyTooLarge's.
        managed('AWSManagedRulesCommonRuleSet', 0, ['SizeRestrictions_BODY']),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 1),
        {
          name: 'RateLimitPerIp',
          priority: 2,
          action: { block: {} },
          statement: {
            rateBasedStatement: { limit: props.rateLimitPer5Min, aggregateKeyType: 'IP' },
          },
          visibilityConfig: visibility('RateLimitPerIp'),
        },
        ...(bodyLimit
          ? [
              {
                name: 'BodyTooLarge',
                priority: 3,
                action: {
                  block: {
                    customResponse: {
                      responseCode: bodyLimit.answer.status,
                      customResponseBodyKey: 'BodyTooLarge',
                    },
                  },
                },
                // A body past the inspection limit matches: that is how the WAF counts it.
                statement: {
                  sizeConstraintStatement: {
                    fieldToMatch: { body: { oversizeHandling: 'MATCH' } },
                    comparisonOperator: 'GT',
                    size: bodyLimit.maxBytes,
                    textTransformations: [{ priority: 0, type: 'NONE' }],
                  },
                },
                visibilityConfig: visibility('BodyTooLarge'),
              },
            ]
          : []),
      ],
    });
  }
}
