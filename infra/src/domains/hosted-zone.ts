import { CfnParameter, type Stack } from 'aws-cdk-lib';
import { HostedZone, type IHostedZone } from 'aws-cdk-lib/aws-route53';
import type { MyTabsConfig } from '../config.ts';

/**
 * The domain's public hosted zone, by its id and name (no lookup: a synth needs no account).
 * Without `hostedZoneId` in the context, the stack asks for it at deploy.
 */
export const hostedZoneOf = (stack: Stack, config: MyTabsConfig): IHostedZone =>
  HostedZone.fromHostedZoneAttributes(stack, 'HostedZone', {
    hostedZoneId:
      config.hostedZoneId ??
      new CfnParameter(stack, 'HostedZoneId', {
        type: 'AWS::Route53::HostedZone::Id',
        description: `The public hosted zone of ${config.hostedZoneName ?? config.domainName}`,
      }).valueAsString,
    zoneName: config.hostedZoneName ?? config.domainName,
  });
