import { compileCidr } from './cidr.ts';
import { refuse } from './invalid-event-pattern.ts';
import { compileNumeric } from './numeric-range.ts';
import { compileWildcard } from './wildcard.ts';

/** A leaf value of an event: what a pattern's value list is compared with. */
export type LeafValue = string | number | boolean | null;

/** One entry of a pattern's value list: a test of a present leaf value, or of (non-)existence. */
export type ValueTest =
  | { kind: 'exists'; present: boolean }
  | { kind: 'value'; matches: (value: LeafValue) => boolean };

const fold = (text: string) => text.toLowerCase();
const isString = (value: LeafValue): value is string => typeof value === 'string';
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const test = (matches: (value: LeafValue) => boolean): ValueTest => ({ kind: 'value', matches });
const not = (matches: (value: LeafValue) => boolean): ValueTest => test((v) => !matches(v));

/** Exact values: strings as strings, numbers by numeric equality (300 = 3.0e2), literals as such. */
const exact = (expected: LeafValue) => (value: LeafValue) => value === expected;

/** `prefix` / `suffix` operand: a string, or `{ "equals-ignore-case": string }`. */
const affix = (name: 'prefix' | 'suffix', operand: unknown) => {
  const ignoreCase = isObject(operand);
  const text = ignoreCase ? onlyKey(operand, 'equals-ignore-case') : operand;
  if (typeof text !== 'string') return refuse(`${name} match pattern must be a string`);
  const wanted = ignoreCase ? fold(text) : text;
  return (value: LeafValue) => {
    if (!isString(value)) return false;
    const candidate = ignoreCase ? fold(value) : value;
    return name === 'prefix' ? candidate.startsWith(wanted) : candidate.endsWith(wanted);
  };
};

const onlyKey = (object: Record<string, unknown>, key: string) => {
  const keys = Object.keys(object);
  if (keys.length !== 1 || keys[0] !== key) {
    return refuse(`Unsupported match pattern inside ${JSON.stringify(object)}`);
  }
  return object[key];
};

const stringList = (operand: unknown, what: string): string[] => {
  const list = Array.isArray(operand) ? operand : [operand];
  if (list.length === 0 || !list.every((s) => typeof s === 'string')) {
    return refuse(`Inside ${what}, only strings are supported.`);
  }
  return list as string[];
};

/** `anything-but`: a value, a list of values (all strings or all numbers), or a nested operator. */
const anythingBut = (operand: unknown): ValueTest => {
  if (typeof operand === 'string' || typeof operand === 'number') return not(exact(operand));
  if (Array.isArray(operand)) {
    const strings = operand.every((v) => typeof v === 'string');
    const numbers = operand.every((v) => typeof v === 'number');
    if (operand.length === 0 || (!strings && !numbers)) {
      return refuse(
        'Inside anything but list, either all values are number or string, mixed type is not supported',
      );
    }
    const excluded = new Set<LeafValue>(operand as LeafValue[]);
    return not((v) => excluded.has(v));
  }
  if (!isObject(operand)) {
    return refuse('Value of anything-but must be an array or single string/number value.');
  }
  const keys = Object.keys(operand);
  const [name] = keys;
  if (keys.length !== 1 || name === undefined) {
    return refuse('Only one key allowed in match expression');
  }
  const inner = operand[name];
  switch (name) {
    case 'prefix':
    case 'suffix': {
      if (typeof inner !== 'string') return refuse('prefix/suffix match pattern must be a string');
      if (inner === '') return refuse('Null prefix/suffix not allowed');
      return not(affix(name, inner));
    }
    case 'equals-ignore-case': {
      const excluded = new Set(stringList(inner, 'anything-but/ignore-case list').map(fold));
      return not((v) => isString(v) && excluded.has(fold(v)));
    }
    case 'wildcard': {
      const patterns = stringList(inner, 'anything-but/wildcard list').map(compileWildcard);
      return not((v) => isString(v) && patterns.some((p) => p.test(v)));
    }
    default:
      return refuse(`Unsupported anything-but pattern: ${name}`);
  }
};

/** A `{ operator: operand }` object of a value list. */
const operator = (expression: Record<string, unknown>): ValueTest => {
  const keys = Object.keys(expression);
  const [name] = keys;
  if (name === undefined) return refuse('Match expression name not found');
  if (keys.length > 1) return refuse('Only one key allowed in match expression');
  const operand = expression[name];
  switch (name) {
    case 'prefix':
    case 'suffix':
      return test(affix(name, operand));
    case 'equals-ignore-case': {
      if (typeof operand !== 'string') {
        return refuse('equals-ignore-case match pattern must be a string');
      }
      const wanted = fold(operand);
      return test((v) => isString(v) && fold(v) === wanted);
    }
    case 'wildcard': {
      if (typeof operand !== 'string') return refuse('wildcard match pattern must be a string');
      const pattern = compileWildcard(operand);
      return test((v) => isString(v) && pattern.test(v));
    }
    case 'anything-but':
      return anythingBut(operand);
    case 'numeric': {
      const inRange = compileNumeric(operand);
      return test((v) => typeof v === 'number' && inRange(v));
    }
    case 'exists':
      if (typeof operand !== 'boolean') {
        return refuse('exists match pattern must be either true or false.');
      }
      return { kind: 'exists', present: operand };
    case 'cidr': {
      if (typeof operand !== 'string') return refuse('cidr match pattern must be a string');
      const inBlock = compileCidr(operand);
      return test((v) => isString(v) && inBlock(v));
    }
    default:
      return refuse(`Unrecognized match type ${name}`);
  }
};

/** One entry of a pattern's value list, validated as AWS validates it. */
export const compileValueTest = (entry: unknown): ValueTest => {
  if (isObject(entry)) return operator(entry);
  if (
    entry === null ||
    typeof entry === 'string' ||
    typeof entry === 'number' ||
    typeof entry === 'boolean'
  ) {
    return test(exact(entry));
  }
  return refuse('Match value must be String, number, true, false, or null');
};
