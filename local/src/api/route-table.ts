import type { AuthMode } from '@mytabs/contracts';
import type { RoutePlan } from '@mytabs/plan';

export interface Route {
  method: string;
  /** The API Gateway resource path, e.g. `/orders/{orderId}`. */
  resourcePath: string;
  auth: AuthMode;
  functionName: string;
  /** Each segment: a literal, or a parameter name. */
  segments: ReadonlyArray<{ literal: string } | { param: string }>;
}

export interface RouteMatch {
  route: Route;
  pathParameters: Record<string, string>;
}

const parseSegments = (resourcePath: string): Route['segments'] =>
  resourcePath
    .split('/')
    .slice(1)
    .map((s) => (s.startsWith('{') ? { param: s.slice(1, -1) } : { literal: s }));

/** The plan's routes, as API Gateway resources and methods. */
export const routesOf = (routes: readonly RoutePlan[]): Route[] =>
  routes.map((r) => ({
    method: r.method,
    resourcePath: r.path,
    auth: r.auth,
    functionName: r.functionName,
    segments: parseSegments(r.path),
  }));

const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/**
 * API Gateway's resource matching: segment by segment, a literal segment beats a `{param}` at the
 * same depth, so `/events/featured` wins over `/events/{eventId}`. A path whose resource exists
 * but not with this method matches nothing, as on API Gateway.
 */
export const matchRoute = (
  routes: readonly Route[],
  method: string,
  path: string,
): RouteMatch | undefined => {
  const parts = path.split('/').slice(1);
  const candidates = routes.filter(
    (r) =>
      r.method === method &&
      r.segments.length === parts.length &&
      r.segments.every((s, i) =>
        'param' in s ? parts[i] !== '' : decode(parts[i] ?? '') === s.literal,
      ),
  );
  const specificity = (r: Route) => r.segments.map((s) => ('literal' in s ? '0' : '1')).join('');
  const [route] = candidates.sort((a, b) => specificity(a).localeCompare(specificity(b)));
  if (!route) return undefined;
  const pathParameters: Record<string, string> = {};
  route.segments.forEach((s, i) => {
    if ('param' in s) pathParameters[s.param] = decode(parts[i] ?? '');
  });
  return { route, pathParameters };
};
