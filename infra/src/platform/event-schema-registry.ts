import type { EventContract } from '@mytabs/contracts';
import { CfnRegistry, CfnSchema } from 'aws-cdk-lib/aws-eventschemas';
import { Construct } from 'constructs';

export interface EventSchemaRegistryProps {
  registryName: string;
  /** The event catalog, by detail type. */
  events: Record<string, EventContract>;
}

/**
 * The contracts' draft-04 JSON Schemas in an EventBridge schema registry, one schema per event,
 * named `<source>@<DetailType>` as EventBridge names discovered schemas.
 */
export class EventSchemaRegistry extends Construct {
  readonly registry: CfnRegistry;

  constructor(scope: Construct, id: string, props: EventSchemaRegistryProps) {
    super(scope, id);
    this.registry = new CfnRegistry(this, 'Registry', {
      registryName: props.registryName,
      description: 'Domain events of MyTabs, from @mytabs/contracts',
    });
    for (const [detailType, contract] of Object.entries(props.events)) {
      const schema = new CfnSchema(this, detailType, {
        registryName: props.registryName,
        schemaName: `${contract.source}@${detailType}`,
        type: 'JSONSchemaDraft4',
        description: contract.description,
        content: JSON.stringify(contract.jsonSchema()),
      });
      schema.addResourceDependency(this.registry);
    }
  }
}
