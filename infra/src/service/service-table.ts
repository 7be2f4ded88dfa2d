import type { TablePlan } from '@mytabs/plan';
import { RemovalPolicy } from 'aws-cdk-lib';
import {
  type Attribute,
  AttributeType,
  Billing,
  TableEncryptionV2,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';

const attribute = (key: TablePlan['partitionKey']): Attribute => ({
  name: key.name,
  type: { S: AttributeType.STRING, N: AttributeType.NUMBER, B: AttributeType.BINARY }[key.type],
});

export interface ServiceTableProps {
  plan: TablePlan;
  /** Production tables refuse deletion and are kept when their stack goes. */
  protect: boolean;
  /** A region holding a replica (a global table), to restore service if the stage's region fails. */
  replicaRegion?: string;
}

/**
 * The service's one table: name, keys and indexes from the plan; on demand, PITR, encrypted; with
 * a replica in a second region when the stage asks for one. AWS Backup copies it (`BackupStack`).
 */
export class ServiceTable extends TableV2 {
  constructor(
    scope: Construct,
    id: string,
    { plan: spec, protect, replicaRegion }: ServiceTableProps,
  ) {
    super(scope, id, {
      tableName: spec.name,
      partitionKey: attribute(spec.partitionKey),
      sortKey: spec.sortKey && attribute(spec.sortKey),
      globalSecondaryIndexes: spec.indexes.map((index) => ({
        indexName: index.name,
        partitionKey: attribute(index.partitionKey),
        sortKey: index.sortKey && attribute(index.sortKey),
      })),
      timeToLiveAttribute: spec.ttlAttribute,
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryptionV2.awsManagedKey(),
      deletionProtection: protect,
      removalPolicy: protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      replicas: replicaRegion ? [{ region: replicaRegion }] : undefined,
    });
  }
}
