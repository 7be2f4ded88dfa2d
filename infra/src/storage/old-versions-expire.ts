import { Duration, type IAspect } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';

/** How long a replaced or deleted object's old version is kept before S3 removes it. */
export const OLD_VERSIONS_DAYS = 30;

/**
 * Every bucket of the app lets its old versions go after `OLD_VERSIONS_DAYS` and drops unfinished
 * multipart uploads after a week: a versioned site bucket otherwise keeps every deploy's files
 * (and pays for them) forever. An aspect, so a bucket added later gets the rule too.
 */
export class OldVersionsExpire implements IAspect {
  visit(node: IConstruct) {
    if (!(node instanceof Bucket)) return;
    node.addLifecycleRule({
      id: 'old-versions',
      noncurrentVersionExpiration: Duration.days(OLD_VERSIONS_DAYS),
      abortIncompleteMultipartUploadAfter: Duration.days(7),
    });
  }
}
