import type { EventContract } from '@mytabs/contracts';
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import { BUS_NAME } from '../names.ts';
import { EventSchemaRegistry } from './event-schema-registry.ts';

export interface PlatformStackProps extends StackProps {
  /** 0 keeps archived events forever. */
  archiveRetentionDays: number;
  events: Record<string, EventContract>;
}

/** What every service shares: the `mytabs` bus, its archive for replay, and the event schemas. */
export class PlatformStack extends Stack {
  readonly bus: EventBus;

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, props);
    this.bus = new EventBus(this, 'Bus', { eventBusName: BUS_NAME });
    this.bus.archive('Archive', {
      archiveName: `${BUS_NAME}-all`,
      description: 'Every domain event, kept for replay',
      eventPattern: { account: [this.account] },
      retention:
        props.archiveRetentionDays === 0 ? undefined : Duration.days(props.archiveRetentionDays),
    });
    new EventSchemaRegistry(this, 'Schemas', { registryName: BUS_NAME, events: props.events });
  }
}
