import type { EventContract } from '@mytabs/contracts';
import type { Plan } from '@mytabs/plan';
import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import { EventSchemaRegistry } from './event-schema-registry.ts';

export interface PlatformStackProps extends StackProps {
  plan: Plan;
  /** 0 keeps archived events forever. */
  archiveRetentionDays: number;
  events: Record<string, EventContract>;
  /** Production: the bus and the archive (every event, for replay) outlive the stack. */
  protect: boolean;
}

/** What every service shares: the stage's bus, its archive for replay, and the event schemas. */
export class PlatformStack extends Stack {
  readonly bus: EventBus;

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, props);
    const { plan } = props;
    this.bus = new EventBus(this, 'Bus', { eventBusName: plan.bus.name });
    const archive = this.bus.archive('Archive', {
      archiveName: plan.archive.name,
      description: 'Every domain event, kept for replay',
      eventPattern: { account: [this.account] },
      retention:
        props.archiveRetentionDays === 0 ? undefined : Duration.days(props.archiveRetentionDays),
    });
    if (props.protect) {
      this.bus.applyRemovalPolicy(RemovalPolicy.RETAIN);
      archive.applyRemovalPolicy(RemovalPolicy.RETAIN);
    }
    new EventSchemaRegistry(this, 'Schemas', {
      registryName: plan.schemaRegistry.name,
      events: props.events,
    });
  }
}
