import fc from 'fast-check';
import type { JsonSchema } from './api-document.ts';
import { anyJson, nastyNumber, nastyString } from './hostile-values.ts';

/** Strings of a pattern, when fast-check can make them; an id pattern gives ids of that shape. */
const stringOf = (schema: JsonSchema) => {
  const made: fc.Arbitrary<string>[] = [nastyString];
  if (schema.pattern) {
    try {
      made.push(fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length < 200));
    } catch {
      // Some JSON Schema patterns are not JavaScript ones: the nasty strings stand in.
    }
  }
  if (schema.format === 'email') made.push(fc.emailAddress());
  if (schema.format === 'date-time')
    made.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
  return fc.oneof(...made);
};

/**
 * Values for a schema that are mostly of its shape, each part now and then something else, so
 * requests get past the first check and reach the code behind it.
 */
export const schemaValue = (schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> => {
  const shaped = shapedSchemaValue(schema, depth);
  return fc.oneof({ weight: 8, arbitrary: shaped }, { weight: 1, arbitrary: anyJson });
};

const shapedSchemaValue = (schema: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
  if (depth > 5) return anyJson;
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => schemaValue(s, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.oneof(
        fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 }),
        nastyNumber,
      );
    case 'number':
      return nastyNumber;
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schemaValue(schema.items ?? {}, depth + 1), { maxLength: 4 });
    case 'object': {
      const properties = schema.properties ?? {};
      if (Object.keys(properties).length === 0)
        return fc.dictionary(nastyString, anyJson, { maxKeys: 3 });
      return fc.record(
        Object.fromEntries(
          Object.entries(properties).map(([k, v]) => [k, schemaValue(v, depth + 1)]),
        ),
        { requiredKeys: [] },
      );
    }
    default:
      return anyJson;
  }
};
