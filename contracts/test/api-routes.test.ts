import { describe, expect, it } from 'vitest';
import { CreatePaymentIntentRequest } from '../src/api/checkout.ts';
import { Problem } from '../src/api/problem.ts';
import { type Operation, operations, routes } from '../src/api/routes.ts';
import { HttpRoute } from '../src/manifest/service-manifest.ts';

const all = Object.entries(operations) as [string, Operation][];

describe('the route table', () => {
  it('gives manifests exactly what their `http` takes', () => {
    for (const [name, route] of Object.entries(routes)) {
      expect(HttpRoute.parse(route), name).toEqual(route);
    }
    expect(routes.createPaymentIntent).toEqual({
      method: 'POST',
      path: '/payments/createPaymentIntent',
      auth: 'public-or-user',
      keepTraces: true,
    });
    expect(routes.stripeWebhook.auth).toBe('public');
    expect(routes.getOrder).not.toHaveProperty('keepTraces');
  });

  it('has one operation per method and path', () => {
    const keys = all.map(([, op]) => `${op.method} ${op.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(all)(
    '%s: its path parameters schema names exactly the `{params}` of its path',
    (_, op) => {
      const inPath = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(Object.keys(op.pathParams?.shape ?? {}).sort()).toEqual(inPath);
    },
  );

  it('takes a checkout request as the API documents it and names a bad field', () => {
    const request = {
      eventId: 'ev_01JD8Y3M7T2P',
      items: [{ ticketTypeId: 'tt_01JD8Y4GA', quantity: 2 }],
      address: { country: 'US', postalCode: '11201' },
      buyer: { email: 'ana@example.com', name: 'Ana Diaz' },
    };
    expect(CreatePaymentIntentRequest.parse(request)).toEqual(request);
    const bad = CreatePaymentIntentRequest.safeParse({
      ...request,
      items: [{ ticketTypeId: 'tt_01JD8Y4GA', quantity: 1.5 }],
    });
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['items.0.quantity']);
  });

  it('answers errors as problem+json with field errors', () => {
    expect(
      Problem.parse({
        title: 'Invalid request',
        status: 400,
        errors: [{ path: 'items.0.quantity', message: 'expected an integer' }],
      }),
    ).toMatchObject({ type: 'about:blank', status: 400 });
  });
});
