import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import {
  CachePolicy,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  ResponseHeadersPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { Construct } from 'constructs';

const cachedFor = (scope: Construct, id: string, ttl: Duration, comment: string) =>
  new CachePolicy(scope, id, {
    comment,
    defaultTtl: ttl,
    maxTtl: ttl,
    minTtl: Duration.seconds(0),
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
  });

/** What every site's distribution shares: cache times, security headers, viewer functions. */
export class DeliveryPolicies extends Construct {
  /** `index.html` and every other file not fingerprinted: an hour at the edge, as today. */
  readonly pages: CachePolicy;
  /** Fingerprinted build output (`/static/*`): a year. */
  readonly fingerprinted: CachePolicy;
  readonly securityHeaders: ResponseHeadersPolicy;
  readonly spaRewrite: CloudFrontFunction;
  readonly stripApiPrefix: CloudFrontFunction;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.pages = cachedFor(this, 'Pages', Duration.hours(1), 'Site pages: one hour');
    this.fingerprinted = cachedFor(
      this,
      'Fingerprinted',
      Duration.days(365),
      'Fingerprinted build output: one year',
    );
    this.securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'HSTS, nosniff, no framing, referrer kept to the origin',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
    });
    const viewerFunction = (fid: string, file: string, comment: string) =>
      new CloudFrontFunction(this, fid, {
        code: FunctionCode.fromFile({
          filePath: fileURLToPath(new URL(`./functions/${file}`, import.meta.url)),
        }),
        runtime: FunctionRuntime.JS_2_0,
        comment,
      });
    this.spaRewrite = viewerFunction(
      'SpaRewrite',
      'spa-rewrite.js',
      "Extension-less paths get the single-page app's index.html",
    );
    this.stripApiPrefix = viewerFunction(
      'StripApiPrefix',
      'strip-api-prefix.js',
      '/api/* reaches the API without its prefix',
    );
  }
}
