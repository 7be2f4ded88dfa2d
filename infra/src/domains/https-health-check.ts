import { Tags } from 'aws-cdk-lib';
import { HealthCheck, HealthCheckType } from 'aws-cdk-lib/aws-route53';
import type { Construct } from 'constructs';

/**
 * A Route 53 health check asking `https://<fqdn><path>` every 30 seconds from several regions:
 * unhealthy after 3 failures in a row (no answer, or a status of 400 and above).
 */
export const httpsHealthCheck = (
  scope: Construct,
  id: string,
  { fqdn, path, name }: { fqdn: string; path: string; name: string },
) => {
  const check = new HealthCheck(scope, id, {
    type: HealthCheckType.HTTPS,
    fqdn,
    port: 443,
    resourcePath: path,
    enableSNI: true,
    failureThreshold: 3,
  });
  // Route 53's console lists health checks by this tag.
  Tags.of(check).add('Name', name);
  return check;
};
