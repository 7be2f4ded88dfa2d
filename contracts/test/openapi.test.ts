import { describe, expect, it } from 'vitest';
import { createOpenApiDocument } from '../src/api/openapi.ts';
import { openApiFile, readCommitted, renderJson } from '../src/events/schema-files.ts';

const committed = readCommitted(openApiFile);
const document: unknown = JSON.parse(committed ?? '{}');

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const get = (node: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((n, key) => (isObject(n) ? n[key] : undefined), node);
/** Follows a `$ref` into components, as a client generator would. */
const resolve = (schema: unknown): unknown => {
  const ref = get(schema, '$ref');
  return typeof ref === 'string'
    ? resolve(get(document, 'components', 'schemas', ref.split('/').at(-1) ?? ''))
    : schema;
};
const keysOf = (schema: unknown) => Object.keys(get(resolve(schema), 'properties') ?? {}).sort();
const requiredOf = (schema: unknown) =>
  [...((get(resolve(schema), 'required') as string[] | undefined) ?? [])].sort();
const property = (schema: unknown, ...names: string[]) =>
  names.reduce((s, name) => resolve(get(resolve(s), 'properties', name)), schema);
const itemsOf = (schema: unknown) => resolve(get(resolve(schema), 'items'));
const operation = (path: string, method: string) => get(document, 'paths', path, method);
const body = (path: string, method: string) =>
  get(operation(path, method), 'requestBody', 'content', 'application/json', 'schema');
const answer = (path: string, method: string, status: string) =>
  get(operation(path, method), 'responses', status, 'content', 'application/json', 'schema');

describe('openapi.json', () => {
  it('is what the route table generates now', () => {
    expect(
      committed,
      'contracts/openapi.json is missing: run `npm run contracts:generate`',
    ).toBeDefined();
    expect(
      committed === renderJson(createOpenApiDocument()),
      'contracts/openapi.json is stale: run `npm run contracts:generate` and commit the result',
    ).toBe(true);
  });

  it('is OpenAPI 3.1 and lists every route of the API table', () => {
    expect(get(document, 'openapi')).toBe('3.1.0');
    const listed = Object.entries(get(document, 'paths') as Record<string, object>).flatMap(
      ([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(listed.sort()).toEqual(
      [
        'GET /health',
        'POST /payments/calculate-tax',
        'POST /payments/createPaymentIntent',
        'POST /payments/webhook',
        'GET /orders/{orderId}',
        'POST /orders/{orderId}/cancel',
        'POST /orders/{orderId}/refunds',
        'GET /orders/{orderId}/tickets.pdf',
        'GET /orders/{orderId}/tickets/{ticketFile}',
        'POST /orders/{orderId}/resend',
        'POST /orders/{orderId}/tickets/{ticketId}/reissue',
        'GET /events',
        'GET /events/{eventId}',
        'POST /events',
        'PATCH /events/{eventId}',
        'POST /events/{eventId}/cancel',
        'POST /events/{eventId}/ticket-types',
        'GET /events/{eventId}/attendees',
        'GET /events/{eventId}/orders',
        'GET /events/{eventId}/sales',
        'POST /events/{eventId}/check-ins',
        'GET /users/me',
        'PATCH /users/me',
        'POST /businesses',
        'GET /businesses/{businessId}',
        'GET /businesses',
        'GET /businesses/{businessId}/events',
        'GET /businesses/{businessId}/members',
        'POST /businesses/{businessId}/members',
        'PATCH /businesses/{businessId}/members/{userId}',
        'DELETE /businesses/{businessId}/members/{userId}',
        'DELETE /businesses/{businessId}/invitations/{invitationId}',
      ].sort(),
    );
  });

  it('has the checkout shapes clients rely on', () => {
    const events = answer('/events', 'get', '200');
    const event = itemsOf(property(events, 'items'));
    expect(keysOf(event)).toEqual(
      expect.arrayContaining(['eventId', 'name', 'startsAt', 'timeZone', 'venue', 'ticketTypes']),
    );
    expect(keysOf(itemsOf(property(event, 'ticketTypes')))).toEqual(
      expect.arrayContaining(['ticketTypeId', 'name', 'price', 'currency', 'available']),
    );

    const taxRequest = body('/payments/calculate-tax', 'post');
    expect(keysOf(taxRequest)).toEqual(['address', 'eventId', 'items', 'promoCode']);
    expect(requiredOf(taxRequest)).toEqual(['address', 'eventId', 'items']);
    expect(keysOf(itemsOf(property(taxRequest, 'items')))).toEqual(['quantity', 'ticketTypeId']);
    expect(keysOf(property(taxRequest, 'address'))).toEqual(
      ['city', 'country', 'line1', 'postalCode', 'state'].sort(),
    );
    expect(requiredOf(property(taxRequest, 'address'))).toEqual(['country', 'postalCode']);
    expect(keysOf(answer('/payments/calculate-tax', 'post', '200'))).toEqual(
      ['currency', 'fees', 'lines', 'subtotal', 'tax', 'taxCalculationId', 'total'].sort(),
    );

    const pay = body('/payments/createPaymentIntent', 'post');
    expect(keysOf(pay)).toEqual(
      ['address', 'attendees', 'buyer', 'eventId', 'items', 'taxCalculationId'].sort(),
    );
    expect(requiredOf(pay)).toEqual(['address', 'buyer', 'eventId', 'items']);
    expect(keysOf(property(pay, 'buyer'))).toEqual(['email', 'name']);
    expect(keysOf(itemsOf(property(pay, 'attendees')))).toEqual(['email', 'name']);
    const created = answer('/payments/createPaymentIntent', 'post', '201');
    expect(keysOf(created)).toEqual(
      [
        'amount',
        'clientSecret',
        'currency',
        'holdExpiresAt',
        'orderId',
        'orderToken',
        'paymentIntentId',
      ].sort(),
    );
    expect(get(property(created, 'amount'), 'type')).toBe('integer');
    expect(get(operation('/payments/createPaymentIntent', 'post'), 'parameters')).toContainEqual(
      expect.objectContaining({ in: 'header', name: 'idempotency-key' }),
    );

    const order = answer('/orders/{orderId}', 'get', '200');
    expect(keysOf(order)).toEqual(
      expect.arrayContaining([
        'orderId',
        'status',
        'eventId',
        'lines',
        'amount',
        'currency',
        'lastPaymentError',
        'tickets',
      ]),
    );
    expect(keysOf(itemsOf(property(order, 'tickets')))).toEqual([
      'attendee',
      'qr',
      'ticketId',
      'ticketTypeId',
    ]);
  });

  it('documents auth modes and problem+json errors', () => {
    expect(get(operation('/payments/webhook', 'post'), 'security')).toEqual([]);
    expect(get(operation('/orders/{orderId}', 'get'), 'security')).toEqual([
      { cognito: [] },
      { orderToken: [] },
    ]);
    expect(get(operation('/businesses', 'post'), 'security')).toEqual([{ cognito: [] }]);
    const problem = get(
      operation('/payments/calculate-tax', 'post'),
      'responses',
      '400',
      'content',
      'application/problem+json',
      'schema',
    );
    expect(keysOf(itemsOf(property(problem, 'errors')))).toEqual(['message', 'path']);
    const attendees = get(operation('/events/{eventId}/attendees', 'get'), 'responses', '200');
    expect(get(attendees, 'content')).toHaveProperty('text/csv');
  });

  it('lists 413 on every operation: the API refuses an oversized body before any function', () => {
    const paths = get(document, 'paths') as Record<string, Record<string, unknown>>;
    const without = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((method) => get(methods[method], 'responses', '413') === undefined)
        .map((method) => `${method} ${path}`),
    );
    expect(without).toEqual([]);
  });
});
