import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A JSON Schema as the OpenAPI document holds it, `$ref`s resolved. */
export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  $ref?: string;
};

export interface DocumentedOperation {
  operationId: string;
  method: string;
  /** The path template, e.g. `/events/{eventId}`. */
  path: string;
  pathParams: string[];
  query: Record<string, JsonSchema>;
  headers: Record<string, JsonSchema>;
  body?: JsonSchema;
  /** Whether a caller may come without any token. */
  anonymous: boolean;
  /** Every status the document says the operation answers. */
  statuses: Set<number>;
}

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  schema: JsonSchema;
}

interface DocumentOperation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  security?: Record<string, string[]>[];
  responses: Record<string, unknown>;
}

/** The API's operations as `contracts/openapi.json` documents them: what the fuzzer aims at. */
export const documentedOperations = (repoRoot: string): DocumentedOperation[] => {
  const document = JSON.parse(readFileSync(join(repoRoot, 'contracts/openapi.json'), 'utf8')) as {
    paths: Record<string, Record<string, DocumentOperation>>;
    components: { schemas: Record<string, JsonSchema> };
  };
  const resolve = (schema: JsonSchema, depth = 0): JsonSchema => {
    if (depth > 20) return {};
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      return resolve(document.components.schemas[name] ?? {}, depth + 1);
    }
    const deep = (s: JsonSchema) => resolve(s, depth + 1);
    return {
      ...schema,
      ...(schema.properties && {
        properties: Object.fromEntries(
          Object.entries(schema.properties).map(([k, v]) => [k, deep(v)]),
        ),
      }),
      ...(schema.items && { items: deep(schema.items) }),
      ...(schema.anyOf && { anyOf: schema.anyOf.map(deep) }),
      ...(schema.oneOf && { oneOf: schema.oneOf.map(deep) }),
      ...(schema.allOf && { allOf: schema.allOf.map(deep) }),
    };
  };
  const operations: DocumentedOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const parameters = op.parameters ?? [];
      const named = (where: Parameter['in']) =>
        Object.fromEntries(
          parameters.filter((p) => p.in === where).map((p) => [p.name, resolve(p.schema)]),
        );
      const body = op.requestBody?.content['application/json']?.schema;
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string),
        query: named('query'),
        headers: named('header'),
        ...(body && { body: resolve(body) }),
        anonymous:
          (op.security ?? []).length === 0 ||
          op.security?.some((s) => !Object.keys(s).length) === true,
        statuses: new Set(Object.keys(op.responses).map(Number)),
      });
    }
  }
  return operations;
};
