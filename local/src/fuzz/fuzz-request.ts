import fc from 'fast-check';
import type { DocumentedOperation } from './api-document.ts';
import { anyJson, nastyString } from './hostile-values.ts';
import { schemaValue } from './schema-values.ts';

/** Ids and tokens of the running platform, so some requests name things that exist. */
export interface FuzzWorld {
  /** Real ids by path-parameter name (`eventId`, `orderId`, ...). */
  ids: Record<string, string[]>;
  /**
   * Kinds of caller with their `Authorization` (none for `anonymous`), weighted: callers the API
   * lets in reach more code than those the authorizer stops.
   */
  callers: { name: string; authorization?: string; weight: number }[];
}

export interface FuzzRequest {
  operation: DocumentedOperation;
  caller: string;
  /** The URL path and query, percent-encoded. */
  target: string;
  headers: Record<string, string>;
  body?: string;
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'image/png',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/problem+json',
];

/**
 * One path segment however odd the value: lone surrogates made well-formed (they cannot be
 * percent-encoded), dots encoded so that no client resolves `..` before the API sees it.
 */
const encodePathValue = (value: string) =>
  encodeURIComponent(Buffer.from(value).toString()).replace(/\./g, '%2E');

const pathValue = (world: FuzzWorld, name: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...(world.ids[name] ?? ['x'])) },
    { weight: 2, arbitrary: nastyString.filter((s) => s.length > 0) },
  );

/** One request to one documented operation: parts of its shape, parts hostile, any caller. */
export const fuzzRequest = (
  world: FuzzWorld,
  operation: DocumentedOperation,
): fc.Arbitrary<FuzzRequest> => {
  const params = fc.record(
    Object.fromEntries(operation.pathParams.map((name) => [name, pathValue(world, name)])),
  );
  const query = fc.oneof(
    fc.record(
      Object.fromEntries(
        Object.entries(operation.query).map(([name, schema]) => [
          name,
          schemaValue(schema).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
        ]),
      ),
      { requiredKeys: [] },
    ),
    fc.dictionary(
      nastyString.filter((s) => s.length > 0),
      nastyString,
      { maxKeys: 3 },
    ),
  );
  const body = operation.body
    ? fc.oneof(
        { weight: 6, arbitrary: schemaValue(operation.body).map((v) => JSON.stringify(v) ?? '') },
        { weight: 1, arbitrary: anyJson.map((v) => JSON.stringify(v)) },
        { weight: 1, arbitrary: nastyString },
      )
    : fc.option(nastyString, { nil: undefined });
  const contentType = fc.oneof(
    { weight: 6, arbitrary: fc.constant('application/json') },
    { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const extraHeaders = fc.record(
    {
      'idempotency-key': nastyString.filter((s) => /^[\x21-\x7e]+$/.test(s)),
      'stripe-signature': fc.constantFrom(
        't=1,v1=',
        `t=${Math.floor(Date.now() / 1000)},v1=00`,
        'x',
      ),
      accept: fc.constantFrom('text/csv', 'application/json', '*/*', 'image/png'),
    },
    { requiredKeys: [] },
  );
  return fc
    .record({
      caller: fc.oneof(
        ...world.callers.map((c) => ({ weight: c.weight, arbitrary: fc.constant(c) })),
      ),
      params,
      query,
      body,
      contentType,
      extraHeaders,
    })
    .map(({ caller, params, query, body, contentType, extraHeaders }) => {
      const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
        encodePathValue(params[name] as string),
      );
      const search = new URLSearchParams(query as Record<string, string>).toString();
      const { authorization } = caller;
      return {
        operation,
        caller: caller.name,
        target: search ? `${path}?${search}` : path,
        headers: {
          ...extraHeaders,
          ...(contentType && { 'content-type': contentType }),
          ...(authorization && { authorization }),
        },
        ...(body !== undefined && { body }),
      };
    });
};
