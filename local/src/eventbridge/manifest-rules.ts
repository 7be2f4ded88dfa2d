import type { ServiceManifest } from '@mytabs/contracts';
import { ACCOUNT, BUS_NAME, functionArn, functionName, REGION } from '../naming.ts';
import type { PutRuleRequest, Target } from './rule-registry.ts';

/** What the rules need of an event contract: its native EventBridge pattern. */
export type ContractPatterns = Readonly<Record<string, { pattern: Record<string, unknown> }>>;

export interface ManifestRule {
  rule: PutRuleRequest;
  target: Target;
}

const deadLetterQueueArn = (rule: string) => `arn:aws:sqs:${REGION}:${ACCOUNT}:${rule}-dlq`;

/**
 * The rules the manifests ask for, as the CDK app builds them on AWS: one rule on `mytabs` per
 * subscribing function (its pattern: its events' contract patterns, ORed), and one rule on the
 * default bus per schedule. Each rule targets its function with the subscription's retry policy
 * and a dead-letter queue.
 */
export const manifestRules = (
  manifests: readonly ServiceManifest[],
  contracts: ContractPatterns,
): ManifestRule[] =>
  manifests.flatMap((manifest) =>
    Object.entries(manifest.functions).flatMap(([key, spec]) => {
      const name = functionName(manifest.service, key);
      const rules: ManifestRule[] = [];
      if (spec.subscribe) {
        const patterns = spec.subscribe.events.map((detailType) => {
          const contract = contracts[detailType];
          if (!contract) {
            throw new Error(
              `${manifest.service}.${key} subscribes to ${detailType}, which is not in the catalog`,
            );
          }
          return contract.pattern;
        });
        rules.push({
          rule: {
            Name: name,
            EventBusName: BUS_NAME,
            EventPattern: JSON.stringify(patterns.length === 1 ? patterns[0] : { $or: patterns }),
            Description: `${manifest.service}.${key} subscribes to ${spec.subscribe.events.join(', ')}`,
          },
          target: {
            Id: name,
            Arn: functionArn(name),
            RetryPolicy: {
              MaximumRetryAttempts: spec.subscribe.retryAttempts,
              MaximumEventAgeInSeconds: spec.subscribe.maxEventAgeS,
            },
            DeadLetterConfig: { Arn: deadLetterQueueArn(name) },
          },
        });
      }
      if (spec.schedule) {
        const ruleName = `${name}-schedule`;
        rules.push({
          rule: {
            Name: ruleName,
            EventBusName: 'default',
            ScheduleExpression: spec.schedule,
            Description: `${manifest.service}.${key} runs on ${spec.schedule}`,
          },
          target: {
            Id: name,
            Arn: functionArn(name),
            DeadLetterConfig: { Arn: deadLetterQueueArn(ruleName) },
          },
        });
      }
      return rules;
    }),
  );
