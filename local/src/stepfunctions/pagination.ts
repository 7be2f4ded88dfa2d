import { AwsError } from '../edge/aws-service.ts';

/**
 * One page of a list, as Step Functions pages them: `maxResults` (0 or absent = the default of
 * 100, at most 1000) and an opaque `nextToken` to pass back for the next page.
 */
export const page = <T>(items: readonly T[], maxResults = 0, nextToken?: string) => {
  let start = 0;
  if (nextToken !== undefined) {
    start = Number(Buffer.from(nextToken, 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0 || start > items.length) {
      throw new AwsError('InvalidToken', `Invalid Token: '${nextToken}'`);
    }
  }
  const size = maxResults > 0 ? maxResults : 100;
  const end = Math.min(start + size, items.length);
  return {
    items: items.slice(start, end),
    nextToken: end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined,
  };
};
