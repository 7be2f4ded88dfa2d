import {
  BasePathMapping,
  type CfnDomainName,
  DomainName,
  EndpointType,
  type RestApi,
  SecurityPolicy,
} from 'aws-cdk-lib/aws-apigateway';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { IHostedZone } from 'aws-cdk-lib/aws-route53';
import { ApiGatewayDomain } from 'aws-cdk-lib/aws-route53-targets';
import { Construct } from 'constructs';
import { aliasRecords } from './alias-records.ts';

export interface ApiDomainProps {
  /** `api.<domain>`. */
  name: string;
  api: RestApi;
  /** A certificate for the name in the API's own region (a REGIONAL endpoint's requirement). */
  certificate: ICertificate;
  zone: IHostedZone;
}

/**
 * The API under its own name: a regional custom domain whose one base path mapping (none) sends
 * `api.<domain>/events` to the `prod` stage's `/events`, as the live API answers, and its records.
 */
export class ApiDomain extends Construct {
  readonly domain: DomainName;

  constructor(scope: Construct, id: string, props: ApiDomainProps) {
    super(scope, id);
    this.domain = new DomainName(this, 'Domain', {
      domainName: props.name,
      certificate: props.certificate,
      endpointType: EndpointType.REGIONAL,
      securityPolicy: SecurityPolicy.TLS_1_2,
    });
    // The AAAA record below has addresses to point at only on a dual-stack domain (no L2 prop yet).
    (this.domain.node.defaultChild as CfnDomainName).addPropertyOverride(
      'EndpointConfiguration.IpAddressType',
      'dualstack',
    );
    new BasePathMapping(this, 'Mapping', {
      domainName: this.domain,
      restApi: props.api,
      stage: props.api.deploymentStage,
    });
    aliasRecords(this, {
      zone: props.zone,
      name: props.name,
      target: new ApiGatewayDomain(this.domain),
    });
  }
}
