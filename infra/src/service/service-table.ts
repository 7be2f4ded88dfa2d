import type { ServiceManifest } from '@mytabs/contracts';
import { RemovalPolicy } from 'aws-cdk-lib';
import {
  type Attribute,
  AttributeType,
  Billing,
  TableEncryptionV2,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';

type TableSpec = NonNullable<ServiceManifest['table']>;

const attribute = (key: TableSpec['partitionKey']): Attribute => ({
  name: key.name,
  type: { S: AttributeType.STRING, N: AttributeType.NUMBER, B: AttributeType.BINARY }[key.type],
});

export interface ServiceTableProps {
  spec: TableSpec;
  /** Production tables refuse deletion and are kept when their stack goes. */
  protect: boolean;
}

/** The service's one table: keys and indexes from its manifest, on demand, PITR, KMS-encrypted. */
export class ServiceTable extends TableV2 {
  constructor(scope: Construct, id: string, { spec, protect }: ServiceTableProps) {
    super(scope, id, {
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
    });
  }
}
