import {
  AaaaRecord,
  ARecord,
  type IAliasRecordTarget,
  type IHostedZone,
  RecordTarget,
} from 'aws-cdk-lib/aws-route53';
import type { Construct } from 'constructs';

/** An alias A and an alias AAAA record of `name`, to a target that answers on IPv4 and IPv6. */
export const aliasRecords = (
  scope: Construct,
  { zone, name, target }: { zone: IHostedZone; name: string; target: IAliasRecordTarget },
) => {
  const alias = RecordTarget.fromAlias(target);
  new ARecord(scope, 'A', { zone, recordName: name, target: alias });
  new AaaaRecord(scope, 'Aaaa', { zone, recordName: name, target: alias });
};
