import { Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate, CertificateValidation } from 'aws-cdk-lib/aws-certificatemanager';
import type { Construct } from 'constructs';
import type { MyTabsConfig } from '../config.ts';
import { WebAcl } from '../waf/web-acl.ts';
import { CERTIFICATE_REGION, namesToCover } from './certificate-names.ts';
import { hostedZoneOf } from './hosted-zone.ts';

export interface EdgeStackProps extends Omit<StackProps, 'env' | 'crossRegionReferences'> {
  account: string | undefined;
  config: MyTabsConfig;
  /** The web ACL's name. */
  webAclName: string;
}

/**
 * What CloudFront takes from us-east-1 only, whatever the stage's region: the certificate of the
 * domain and its subdomains (DNS-validated in the hosted zone) and the distributions' web ACL.
 * The sites' stack reads both through cross-region references.
 */
export class EdgeStack extends Stack {
  readonly certificate: Certificate;
  readonly webAcl: WebAcl;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    const { account, config, webAclName, ...stackProps } = props;
    super(scope, id, {
      ...stackProps,
      env: { account, region: CERTIFICATE_REGION },
      crossRegionReferences: true,
    });
    const [apex = config.domainName, ...others] = namesToCover(config.domainName);
    this.certificate = new Certificate(this, 'Certificate', {
      domainName: apex,
      subjectAlternativeNames: others,
      validation: CertificateValidation.fromDns(hostedZoneOf(this, config)),
    });
    this.webAcl = new WebAcl(this, 'Waf', {
      name: webAclName,
      scope: 'CLOUDFRONT',
      rateLimitPer5Min: 2_000,
    });
  }
}
