import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A link that opens one file without a header, for a mail client: an HMAC-SHA256 over the path
 * and the second it stops working, with the service's own key (`download-link-signing-key`).
 * It grants that one path, nothing else, until then.
 */
const mac = (path: string, expires: number, key: string) =>
  createHmac('sha256', Buffer.from(key, 'base64url'))
    .update(`GET\n${path}\n${expires}`)
    .digest('base64url');

export const signedQuery = (path: string, expires: Date, key: string) => {
  const seconds = Math.floor(expires.getTime() / 1000);
  return `expires=${seconds}&signature=${mac(path, seconds, key)}`;
};

export const linkIsValid = (
  path: string,
  link: { expires?: number | undefined; signature?: string | undefined },
  key: string,
  now: Date,
) => {
  if (link.expires === undefined || link.signature === undefined) return false;
  if (link.expires * 1000 < now.getTime()) return false;
  const expected = Buffer.from(mac(path, link.expires, key));
  const given = Buffer.from(link.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
};
