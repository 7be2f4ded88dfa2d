import * as z from 'zod';

/** The sites of keeptabs.app, as the live setup serves them. */
export const SiteKey = z.enum(['web', 'ticket', 'admin']);
export type SiteKey = z.infer<typeof SiteKey>;

export interface Site {
  key: SiteKey;
  /** The label before the domain; empty for the apex. */
  subdomain: string;
  /** What the site's bucket holds, for its description. */
  build: string;
  /**
   * Path patterns CloudFront sends to the API, uncached. `PREFIXED_API_PATHS` lose their prefix
   * on the way (`functions/strip-api-prefix.js`); the others reach the API as they are.
   */
  apiPaths: readonly string[];
  /** Path patterns of fingerprinted build output, cached for a year. */
  staticPaths: readonly string[];
}

/** The API's paths on every site: the API's own routes under `/api`, which CloudFront strips. */
export const PREFIXED_API_PATHS = '/api/*';

/**
 * On the apex only `/api/*` is the API: `/events/123` there is a page of the web app. The ticket
 * site's app calls `/payments/*` and `/events/*` directly, as it does today. The admin site has
 * no app yet; `/api/*` lets the one to come call the API from its own origin.
 */
export const SITES: readonly Site[] = [
  {
    key: 'web',
    subdomain: '',
    build: 'mytabs-client-web',
    apiPaths: [PREFIXED_API_PATHS],
    staticPaths: ['/static/*'],
  },
  {
    key: 'ticket',
    subdomain: 'ticket',
    build: 'mytabs-ticket-web',
    apiPaths: ['/payments/*', '/events/*', PREFIXED_API_PATHS],
    staticPaths: [],
  },
  {
    key: 'admin',
    subdomain: 'admin',
    build: 'the admin app (empty until it exists)',
    apiPaths: [PREFIXED_API_PATHS],
    staticPaths: [],
  },
];

/** The name a site answers on: `ticket.keeptabs.app`, or the apex itself. */
export const siteDomain = (site: Site, domain: string) =>
  site.subdomain ? `${site.subdomain}.${domain}` : domain;

/** The API's own name, `api.keeptabs.app`. */
export const apiDomain = (domain: string) => `api.${domain}`;
