import { refuse } from './invalid-event-pattern.ts';
import { compileValueTest, type LeafValue, type ValueTest } from './value-test.ts';

type FieldNode = { kind: 'leaf'; tests: ValueTest[] } | { kind: 'object'; pattern: ObjectNode };
interface ObjectNode {
  fields: [name: string, node: FieldNode][];
  /** Each `$or` met at this level: one of its branches must match the same object. */
  alternatives: ObjectNode[][];
}

const OR = '$or';
/** Operator names cannot be field names inside `$or`: that is how AWS tells a mistake apart. */
const RESERVED_IN_OR = new Set([
  'prefix',
  'suffix',
  'anything-but',
  'numeric',
  'exists',
  'cidr',
  'equals-ignore-case',
  'wildcard',
]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const compileObject = (object: Record<string, unknown>, insideOr: boolean): ObjectNode => {
  const entries = Object.entries(object);
  if (entries.length === 0) refuse('Empty objects are not allowed');
  const node: ObjectNode = { fields: [], alternatives: [] };
  for (const [name, value] of entries) {
    if (name === OR) {
      node.alternatives.push(compileOr(value));
      continue;
    }
    if (insideOr && RESERVED_IN_OR.has(name)) {
      refuse(`${name} is Ruler reserved fieldName which cannot be used inside $or.`);
    }
    if (isObject(value)) {
      node.fields.push([name, { kind: 'object', pattern: compileObject(value, insideOr) }]);
    } else if (Array.isArray(value)) {
      if (value.length === 0) refuse('Empty arrays are not allowed');
      node.fields.push([name, { kind: 'leaf', tests: value.map(compileValueTest) }]);
    } else {
      refuse(`"${name}" must be an object or an array`);
    }
  }
  return node;
};

const compileOr = (value: unknown): ObjectNode[] => {
  if (!Array.isArray(value)) return refuse('It must be an Array followed with $or.');
  if (!value.every(isObject))
    return refuse('Only JSON object is allowed in array of $or relationship.');
  if (value.length < 2) return refuse('There must have at least 2 Objects in $or relationship.');
  return value.map((branch) => compileObject(branch, true));
};

/** Arrays in events are sets of values: nested arrays are flattened, as AWS does. */
const flatten = (value: unknown): unknown[] =>
  Array.isArray(value) ? value.flatMap(flatten) : value === undefined ? [] : [value];

const matchObject = (node: ObjectNode, object: Record<string, unknown> | undefined): boolean =>
  node.fields.every(([name, field]) =>
    matchField(field, object && Object.hasOwn(object, name) ? object[name] : undefined),
  ) && node.alternatives.every((branches) => branches.some((b) => matchObject(b, object)));

const matchField = (field: FieldNode, value: unknown): boolean => {
  const values = flatten(value);
  if (field.kind === 'object') {
    const objects = values.filter(isObject);
    // One element of an array of objects must match the whole sub-pattern (AWS never mixes
    // fields of different elements); with none, only absence tests (`exists: false`) can match.
    return objects.length === 0
      ? matchObject(field.pattern, undefined)
      : objects.some((o) => matchObject(field.pattern, o));
  }
  // `exists` and every other operator work on leaves only: an object is not a present leaf.
  const leaves = values.filter((v) => !isObject(v)) as LeafValue[];
  return field.tests.some((t) =>
    t.kind === 'exists' ? t.present === leaves.length > 0 : leaves.some((leaf) => t.matches(leaf)),
  );
};

export interface EventPattern {
  /** The pattern as given (the JSON text AWS echoes back in DescribeRule). */
  readonly source: string;
  matches(event: Record<string, unknown>): boolean;
}

/**
 * Parse and validate an EventBridge event pattern (JSON text), refusing what AWS refuses with
 * its reason. The result tests parsed events: fields are ANDed, a value list is an OR, `$or`
 * ORs whole sub-patterns at any level.
 */
export const compileEventPattern = (source: string): EventPattern => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    return refuse(`Unrecognized token: ${(error as Error).message}`);
  }
  if (!isObject(parsed)) return refuse('Filter is not an object');
  const root = compileObject(parsed, false);
  return { source, matches: (event) => matchObject(root, event) };
};
