import { CfnOutput, Duration, Fn, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import {
  Certificate,
  CertificateValidation,
  type ICertificate,
} from 'aws-cdk-lib/aws-certificatemanager';
import { RestApiOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { MyTabsConfig } from '../config.ts';
import { ApiDomain } from '../domains/api-domain.ts';
import { CERTIFICATE_REGION } from '../domains/certificate-names.ts';
import { hostedZoneOf } from '../domains/hosted-zone.ts';
import { httpsHealthCheck } from '../domains/https-health-check.ts';
import { DeliveryPolicies } from './delivery-policies.ts';
import { SiteDistribution } from './site-distribution.ts';
import { apiDomain, SITES } from './sites.ts';

export interface SitesStackProps extends StackProps {
  config: MyTabsConfig;
  api: RestApi;
  /** The domain's certificate in us-east-1 (the edge stack's). */
  certificate: ICertificate;
  /** The CLOUDFRONT-scope web ACL (the edge stack's). */
  webAclArn: string;
  /** Production: buckets and logs outlive the stack, logs are kept a year. */
  protect: boolean;
  /** The `Name` of the health check of a site (by its key) or of the API (`api`). */
  healthCheckName: (target: string) => string;
}

/**
 * The sites and the domain in the stage's region: a bucket and a distribution per site, the
 * log bucket, the API's custom domain, the records of every name and a health check on each
 * site and on `api.<domain>/health`.
 */
export class SitesStack extends Stack {
  readonly sites: SiteDistribution[];

  constructor(scope: Construct, id: string, props: SitesStackProps) {
    super(scope, id, { ...props, crossRegionReferences: true });
    const { config } = props;
    const zone = hostedZoneOf(this, config);
    const logs = new Bucket(this, 'Logs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are written with an ACL, which only this ownership allows.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(props.protect ? 365 : 30) }],
      removalPolicy: props.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const policies = new DeliveryPolicies(this, 'Delivery');
    const api = new RestApiOrigin(props.api);

    this.sites = SITES.map(
      (site) =>
        new SiteDistribution(this, `Site-${site.key}`, {
          site,
          domain: config.domainName,
          takeNames: config.takeNames,
          certificate: props.certificate,
          zone,
          webAclArn: props.webAclArn,
          policies,
          api,
          logBucket: logs,
          build: config.siteBuilds[site.key],
          protect: props.protect,
          healthCheckName: props.healthCheckName(site.key),
        }),
    );
    for (const site of this.sites) {
      new CfnOutput(this, `${site.node.id}-Bucket`, { value: site.bucket.bucketName });
      new CfnOutput(this, `${site.node.id}-Distribution`, {
        value: site.distribution.distributionDomainName,
      });
    }

    const apiName = apiDomain(config.domainName);
    // A regional endpoint takes its certificate from its own region. Issued beside the live
    // setup too, so that moving the names waits for no validation.
    const apiCertificate =
      this.region === CERTIFICATE_REGION
        ? props.certificate
        : new Certificate(this, 'ApiCertificate', {
            domainName: apiName,
            validation: CertificateValidation.fromDns(zone),
          });
    if (config.takeNames) {
      new ApiDomain(this, 'ApiDomain', {
        name: apiName,
        api: props.api,
        certificate: apiCertificate,
        zone,
      });
    }
    httpsHealthCheck(this, 'ApiHealth', {
      // Beside the live setup, the host of the API's own URL (`https://<host>/prod/`).
      fqdn: config.takeNames ? apiName : Fn.select(2, Fn.split('/', props.api.url)),
      path: config.takeNames ? '/health' : `/${props.api.deploymentStage.stageName}/health`,
      name: props.healthCheckName('api'),
    });
  }
}
