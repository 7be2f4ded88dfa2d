import type { EmailPlan } from '@mytabs/plan';
import { Stack, type StackProps } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { PublicHostedZone } from 'aws-cdk-lib/aws-route53';
import {
  ConfigurationSet,
  EmailIdentity,
  type EmailSendingEvent,
  EventDestination,
  Identity,
  MailFromBehaviorOnMxFailure,
} from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import type { MyTabsConfig } from '../config.ts';
import { hostedZoneIdOf } from '../domains/hosted-zone.ts';

export interface EmailStackProps extends StackProps {
  email: EmailPlan;
  config: MyTabsConfig;
}

/**
 * How the stage sends email, from the plan: the configuration set every sending function names
 * (reputation metrics on, and the events functions subscribe to published to the default bus,
 * SES's only one), and the domain identity with Easy DKIM and a custom MAIL FROM domain, its
 * DKIM, MX and SPF records in the hosted zone. A domain identity lets every address of the
 * domain send (noreply@, support@). With `takeNames=false` the identity stays the live setup's
 * (a region has one identity per domain) and only the configuration set is made here.
 */
export class EmailStack extends Stack {
  readonly identityArn: string;
  readonly configurationSetArn: string;

  constructor(scope: Construct, id: string, { email, config, ...props }: EmailStackProps) {
    super(scope, id, props);
    const { configurationSet: planned } = email;
    const configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: planned.name,
      reputationMetrics: true,
    });
    if (planned.eventDestination) {
      configurationSet.addEventDestination('Events', {
        configurationSetEventDestinationName: planned.eventDestination.name,
        destination: EventDestination.eventBus(
          EventBus.fromEventBusName(this, 'DefaultBus', planned.eventDestination.bus),
        ),
        // The plan names them as SES's API does (BOUNCE), CloudFormation in lower case.
        events: planned.eventDestination.eventTypes.map(
          (type) => type.toLowerCase() as EmailSendingEvent,
        ),
      });
    }
    this.configurationSetArn = this.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: planned.name,
    });
    this.identityArn = this.formatArn({
      service: 'ses',
      resource: 'identity',
      resourceName: email.identity,
    });
    if (!config.takeNames) return;
    const zone = PublicHostedZone.fromPublicHostedZoneAttributes(this, 'HostedZone', {
      hostedZoneId: hostedZoneIdOf(this, config),
      zoneName: config.hostedZoneName ?? config.domainName,
    });
    new EmailIdentity(this, 'Identity', {
      identity: Identity.publicHostedZone(zone),
      configurationSet,
      mailFromDomain: email.mailFromDomain,
      // A missing MX must not send from amazonses.com unnoticed: SES refuses, and says so.
      mailFromBehaviorOnMxFailure: MailFromBehaviorOnMxFailure.REJECT_MESSAGE,
    });
  }
}
