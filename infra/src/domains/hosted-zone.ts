import { CfnParameter, type Stack } from 'aws-cdk-lib';
import { HostedZone, type IHostedZone } from 'aws-cdk-lib/aws-route53';
import type { MyTabsConfig } from '../config.ts';

/** The hosted zone's id: the context's, or the `HostedZoneId` parameter asked for at deploy. */
export const hostedZoneIdOf = (stack: Stack, config: MyTabsConfig) =>
  config.hostedZoneId ??
  new CfnParameter(stack, 'HostedZoneId', {
    type: 'AWS::Route53::HostedZone::Id',
    description: `The public hosted zone of ${config.hostedZoneName ?? config.domainName}`,
  }).valueAsString;

/**
 * The domain's public hosted zone, by its id and name (no lookup: a synth needs no account).
 * Without `hostedZoneId` in the context, the stack asks for it at deploy.
 */
export const hostedZoneOf = (stack: Stack, config: MyTabsConfig): IHostedZone =>
  HostedZone.fromHostedZoneAttributes(stack, 'HostedZone', {
    hostedZoneId: hostedZoneIdOf(stack, config),
    zoneName: config.hostedZoneName ?? config.domainName,
  });
