import type { Account, RequestInfo } from './account.ts';
import type { FormObject } from './form-decoding.ts';

export interface StripeRequest {
  method: string;
  /** Form body for POST, query string for GET, decoded the same way. */
  params: FormObject;
  /** `:id` segments of the route's pattern. */
  pathParams: Record<string, string>;
  info: RequestInfo;
}

/** Answers the object to send with status 200, or throws a `StripeApiError`. */
export type Handler = (request: StripeRequest, account: Account) => object;

export interface Route {
  method: 'GET' | 'POST';
  segments: string[];
  handler: Handler;
}

export const route = (method: Route['method'], pattern: string, handler: Handler): Route => ({
  method,
  segments: pattern.split('/'),
  handler,
});

const matchPath = (segments: string[], parts: string[]) => {
  if (segments.length !== parts.length) return undefined;
  const pathParams: Record<string, string> = {};
  for (const [i, segment] of segments.entries()) {
    const part = parts[i] ?? '';
    if (segment.startsWith(':')) {
      if (part === '') return undefined;
      pathParams[segment.slice(1)] = decodeURIComponent(part);
    } else if (segment !== part) return undefined;
  }
  return pathParams;
};

/** The route for a method and path; literal segments win over `:params` (`/calculations/x/line_items`). */
export const findRoute = (routes: readonly Route[], method: string, path: string) => {
  const parts = path.split('/');
  const candidates = routes
    .filter((r) => r.method === method)
    .map((r) => ({ route: r, pathParams: matchPath(r.segments, parts) }))
    .filter((m): m is { route: Route; pathParams: Record<string, string> } => !!m.pathParams)
    .sort(
      (a, b) =>
        b.route.segments.filter((s) => !s.startsWith(':')).length -
        a.route.segments.filter((s) => !s.startsWith(':')).length,
    );
  return candidates[0];
};
