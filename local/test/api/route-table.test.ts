import { defineManifest } from '@mytabs/contracts';
import { describe, expect, it } from 'vitest';
import { matchRoute, routesOf } from '../../src/api/route-table.ts';
import { localPlan } from '../../src/local-plan.ts';
import { localNames } from '../../src/naming.ts';

const route = (path: string, method: 'GET' | 'POST' = 'GET') => ({
  entry: 'src/handlers/x.ts',
  http: { method, path, auth: 'public' as const },
});

const routes = routesOf(
  localPlan([
    {
      dir: '/shop',
      manifest: defineManifest({
        service: 'shop',
        functions: {
          byId: route('/items/{itemId}'),
          featured: route('/items/featured'),
          nested: route('/a/{x}/c'),
          deeper: route('/a/b/{y}'),
          create: route('/items', 'POST'),
        },
      }),
    },
  ]).routes,
);
const shop = (fn: string) => localNames.function('shop', fn);

const match = (method: string, path: string) => {
  const found = matchRoute(routes, method, path);
  return found && [found.route.functionName, found.pathParameters];
};

describe('route matching as API Gateway resolves resources', () => {
  it('prefers the literal segment at the first depth where candidates differ', () => {
    expect(match('GET', '/items/featured')).toEqual([shop('featured'), {}]);
    expect(match('GET', '/items/it_1')).toEqual([shop('byId'), { itemId: 'it_1' }]);
    expect(match('GET', '/a/b/c')).toEqual([shop('deeper'), { y: 'c' }]);
    expect(match('GET', '/a/z/c')).toEqual([shop('nested'), { x: 'z' }]);
  });

  it('decodes path parameters and matches the method', () => {
    expect(match('GET', '/items/a%20b')).toEqual([shop('byId'), { itemId: 'a b' }]);
    expect(match('POST', '/items')).toEqual([shop('create'), {}]);
    expect(match('GET', '/items')).toBeUndefined();
    expect(match('GET', '/items/')).toBeUndefined();
    expect(match('GET', '/items/1/extra')).toBeUndefined();
  });
});
