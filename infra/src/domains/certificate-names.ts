/** CloudFront takes its certificates and CLOUDFRONT-scope web ACLs from this region only. */
export const CERTIFICATE_REGION = 'us-east-1';

/** The names the sites' certificate holds: the apex, and every subdomain (ticket., admin., api.). */
export const namesToCover = (domain: string) => {
  const apex = domain.toLowerCase();
  return [apex, `*.${apex}`];
};
