/**
 * Compares an event's committed JSON Schema (the version consumers run with) with the one the
 * contract produces now. Within one version both directions must hold: the archive replays old
 * events to new consumers (so nothing may narrow or become required), and a consumer deployed
 * before the producer parses new events with the old schema (so nothing may widen or disappear
 * either). What stays compatible: a new optional field (consumers drop unknown fields) and
 * changes of annotations (title, description, examples, `x-*`).
 */

export interface BreakingChange {
  /** Where in `detail`, e.g. `data.lines[].amount`; empty for the root. */
  path: string;
  message: string;
}

type Schema = Record<string, unknown>;

const annotations = new Set(['$schema', 'title', 'description', 'examples', 'default', 'id']);
const structural = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
]);
const lowerBounds = ['minimum', 'minLength', 'minItems'] as const;
const upperBounds = ['maximum', 'maxLength', 'maxItems'] as const;

const isSchema = (v: unknown): v is Schema =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const types = (s: Schema): Set<string> | undefined =>
  s.type === undefined ? undefined : new Set([s.type].flat() as string[]);
const child = (path: string, key: string) => (path ? `${path}.${key}` : key);
const show = (v: unknown) => JSON.stringify(v);

export const findBreakingChanges = (
  before: unknown,
  after: unknown,
  path = '',
): BreakingChange[] => {
  if (!isSchema(before) || !isSchema(after)) {
    return show(before) === show(after) ? [] : [{ path, message: 'schema replaced' }];
  }
  const found: BreakingChange[] = [];
  const add = (message: string, at = path) => found.push({ path: at, message });

  const oldTypes = types(before);
  const newTypes = types(after);
  if (oldTypes && !newTypes) add(`type widened: no longer restricted to ${show([...oldTypes])}`);
  if (!oldTypes && newTypes) add(`type narrowed to ${show([...newTypes])}`);
  if (oldTypes && newTypes) {
    for (const t of oldTypes) {
      if (newTypes.has(t)) continue;
      if (t === 'number' && newTypes.has('integer'))
        add('type narrowed: integer instead of number');
      else add(`type narrowed: ${t} no longer allowed`);
    }
    for (const t of newTypes) {
      if (oldTypes.has(t)) continue;
      if (t === 'number' && oldTypes.has('integer')) add('type widened: number instead of integer');
      else add(`type widened: ${t} now allowed (consumers of this version reject it)`);
    }
  }

  compareEnum(before.enum, after.enum, add);
  for (const key of ['pattern', 'format'] as const) {
    if (before[key] === after[key]) continue;
    if (before[key] === undefined) add(`new ${key} ${show(after[key])}`);
    else if (after[key] === undefined) add(`${key} ${show(before[key])} removed (widened)`);
    else add(`${key} changed from ${show(before[key])} to ${show(after[key])}`);
  }
  for (const key of lowerBounds) compareBound(key, before[key], after[key], 1, add);
  for (const key of upperBounds) compareBound(key, before[key], after[key], -1, add);
  for (const key of ['exclusiveMinimum', 'exclusiveMaximum'] as const) {
    if (Boolean(before[key]) === Boolean(after[key])) continue;
    add(after[key] ? `${key} tightened` : `${key} loosened (widened)`);
  }

  compareObject(before, after, path, found);
  if (before.items !== undefined || after.items !== undefined) {
    found.push(...findBreakingChanges(before.items, after.items, `${path}[]`));
  }

  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (structural.has(key) || annotations.has(key) || key.startsWith('x-')) continue;
    if (show(before[key]) !== show(after[key])) add(`keyword ${key} changed`);
  }
  return found;
};

const compareEnum = (before: unknown, after: unknown, add: (message: string) => void) => {
  if (before === undefined && after === undefined) return;
  if (before === undefined) return add(`new enum ${show(after)}`);
  if (after === undefined) return add(`enum ${show(before)} removed (widened)`);
  const oldValues = (before as unknown[]).map(show);
  const newValues = (after as unknown[]).map(show);
  const removed = oldValues.filter((v) => !newValues.includes(v));
  const added = newValues.filter((v) => !oldValues.includes(v));
  if (removed.length > 0) add(`enum values removed: ${removed.join(', ')}`);
  if (added.length > 0)
    add(`enum values added: ${added.join(', ')} (consumers of this version reject them)`);
};

/** `direction` 1: a higher value is tighter (minimum); -1: a lower one is (maximum). */
const compareBound = (
  key: string,
  before: unknown,
  after: unknown,
  direction: 1 | -1,
  add: (message: string) => void,
) => {
  if (before === after) return;
  if (before === undefined) return add(`new ${key} ${show(after)}`);
  if (after === undefined) return add(`${key} ${show(before)} removed (widened)`);
  const tighter = (Number(after) - Number(before)) * direction > 0;
  add(
    `${key} ${tighter ? 'tightened' : 'loosened (widened)'} from ${show(before)} to ${show(after)}`,
  );
};

const compareObject = (before: Schema, after: Schema, path: string, found: BreakingChange[]) => {
  const oldProps = isSchema(before.properties) ? before.properties : {};
  const newProps = isSchema(after.properties) ? after.properties : {};
  const oldRequired = new Set((before.required as string[] | undefined) ?? []);
  const newRequired = new Set((after.required as string[] | undefined) ?? []);

  for (const [name, schema] of Object.entries(oldProps)) {
    const at = child(path, name);
    if (!(name in newProps)) {
      found.push({ path: at, message: 'field removed' });
      continue;
    }
    if (!oldRequired.has(name) && newRequired.has(name)) {
      found.push({ path: at, message: 'field became required (events of this version lack it)' });
    }
    if (oldRequired.has(name) && !newRequired.has(name)) {
      found.push({
        path: at,
        message: 'field became optional (consumers of this version need it)',
      });
    }
    found.push(...findBreakingChanges(schema, newProps[name], at));
  }
  for (const name of Object.keys(newProps)) {
    if (name in oldProps) continue;
    const at = child(path, name);
    if (newRequired.has(name)) found.push({ path: at, message: 'new required field' });
    else if (before.additionalProperties === false) {
      found.push({ path: at, message: 'new field where additionalProperties was false' });
    }
  }

  const oldClosed = before.additionalProperties === false;
  const newClosed = after.additionalProperties === false;
  if (!oldClosed && newClosed)
    found.push({ path, message: 'additionalProperties tightened to false' });
  if (oldClosed && !newClosed) {
    found.push({ path, message: 'additionalProperties loosened (widened)' });
  }
  if (isSchema(before.additionalProperties) || isSchema(after.additionalProperties)) {
    if (!oldClosed && !newClosed) {
      found.push(
        ...findBreakingChanges(
          before.additionalProperties ?? {},
          after.additionalProperties ?? {},
          `${path}{}`,
        ),
      );
    }
  }
};
