import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  Distribution,
  FunctionEventType,
  HttpVersion,
  type IOrigin,
  OriginRequestPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IHostedZone } from 'aws-cdk-lib/aws-route53';
import { CloudFrontTarget } from 'aws-cdk-lib/aws-route53-targets';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { aliasRecords } from '../domains/alias-records.ts';
import { httpsHealthCheck } from '../domains/https-health-check.ts';
import { acknowledgeDeploymentHandler } from './acknowledge-deployment-handler.ts';
import type { DeliveryPolicies } from './delivery-policies.ts';
import { PREFIXED_API_PATHS, type Site, siteDomain } from './sites.ts';

export interface SiteDistributionProps {
  site: Site;
  domain: string;
  /** Whether the distribution takes the site's name (alias, certificate, A and AAAA records). */
  takeNames: boolean;
  certificate: ICertificate;
  zone: IHostedZone;
  webAclArn: string;
  policies: DeliveryPolicies;
  api: IOrigin;
  logBucket: IBucket;
  /** A build folder to upload at deploy (and invalidate the distribution after). */
  build?: string;
  /** Production: the bucket outlives the stack. */
  protect: boolean;
  /** The health check's `Name` tag. */
  healthCheckName: string;
}

/**
 * One site: a private bucket that only its distribution reads (origin access control, no website
 * endpoint), the distribution with the site's behaviours, its records and a health check.
 */
export class SiteDistribution extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly name: string;

  constructor(scope: Construct, id: string, props: SiteDistributionProps) {
    super(scope, id);
    const { site, policies } = props;
    this.name = siteDomain(site, props.domain);
    this.bucket = new Bucket(this, 'Bucket', {
      versioned: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: `s3/${site.key}/`,
      removalPolicy: props.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    const files = S3BucketOrigin.withOriginAccessControl(this.bucket);
    const toApi: BehaviorOptions = {
      origin: props.api,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // API Gateway answers only to its own host name; everything else of the request goes.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: policies.securityHeaders,
      compress: true,
    };
    const additionalBehaviors: Record<string, BehaviorOptions> = {};
    for (const path of site.staticPaths) {
      additionalBehaviors[path] = {
        origin: files,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: policies.fingerprinted,
        responseHeadersPolicy: policies.securityHeaders,
        compress: true,
      };
    }
    for (const path of site.apiPaths) {
      additionalBehaviors[path] =
        path === PREFIXED_API_PATHS
          ? {
              ...toApi,
              functionAssociations: [
                {
                  function: policies.stripApiPrefix,
                  eventType: FunctionEventType.VIEWER_REQUEST,
                },
              ],
            }
          : toApi;
    }

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `${this.name}: ${site.build}`,
      ...(props.takeNames && {
        domainNames: [this.name],
        certificate: props.certificate,
        minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      }),
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableIpv6: true,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: `cloudfront/${site.key}/`,
      webAclId: props.webAclArn,
      defaultBehavior: {
        origin: files,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: policies.pages,
        responseHeadersPolicy: policies.securityHeaders,
        compress: true,
        functionAssociations: [
          { function: policies.spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors,
    });

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'Events are sold to buyers anywhere; the web ACL rate-limits and filters instead.',
    });
    if (!props.takeNames) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          "Deployed beside the live setup (takeNames=false), the distribution answers on its cloudfront.net name only, whose certificate is CloudFront's own; with its name it requires TLS 1.2.",
      });
    }

    if (props.takeNames) {
      aliasRecords(this, {
        zone: props.zone,
        name: this.name,
        target: new CloudFrontTarget(this.distribution),
      });
    }
    httpsHealthCheck(this, 'Health', {
      fqdn: props.takeNames ? this.name : this.distribution.distributionDomainName,
      path: '/',
      name: props.healthCheckName,
    });

    if (props.build) {
      const deployment = new BucketDeployment(this, 'Deployment', {
        sources: [Source.asset(props.build)],
        destinationBucket: this.bucket,
        // Pages cached before the upload still name the previous build's files: keep those.
        prune: false,
        distribution: this.distribution,
        distributionPaths: ['/*'],
      });
      acknowledgeDeploymentHandler(deployment);
    }
  }
}
