import { AwsError } from '../edge/aws-service.ts';
import type { TraceSummary } from './trace-summary.ts';

/** One trace as a filter expression sees it. */
export type TraceFilter = (trace: TraceSummary) => boolean;

type Value = string | number | boolean;

const SUPPORTED =
  'annotation.KEY = or != a "string", number or true/false; duration and responsetime compared with =, !=, <, <=, >, >=; service("name"); ok, error, fault, throttle; joined by AND or OR';

const TOKEN =
  /\s*(annotation\.[A-Za-z0-9_]+|service\("(?:[^"\\]|\\.)*"\)|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|!=|<=|>=|=|<|>|[A-Za-z_][A-Za-z0-9_.]*|\S)/y;

const tokenize = (expression: string) => {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expression.length) {
    const match = TOKEN.exec(expression);
    if (!match?.[1]) break;
    tokens.push(match[1]);
  }
  return tokens;
};

const unsupported = (part: string) =>
  new AwsError(
    'InvalidRequestException',
    `The local X-Ray does not support "${part}" in a filter expression (it supports: ${SUPPORTED})`,
  );

const compare = (op: string, left: Value | undefined, right: Value) => {
  if (left === undefined) return op === '!=';
  switch (op) {
    case '=':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    default:
      throw unsupported(op);
  }
};

const literal = (token: string | undefined): Value => {
  if (token === undefined) throw unsupported('(nothing after the operator)');
  if (token.startsWith('"')) return JSON.parse(token) as string;
  if (token === 'true' || token === 'false') return token === 'true';
  const number = Number(token);
  if (Number.isNaN(number)) throw unsupported(token);
  return number;
};

const annotationValues = (trace: TraceSummary, key: string): Value[] =>
  (trace.Annotations[key] ?? []).map(
    ({ AnnotationValue: v }) => v.StringValue ?? v.NumberValue ?? (v.BooleanValue as boolean),
  );

/**
 * The part of X-Ray's filter expression language the local platform answers; anything else is a
 * clear InvalidRequestException naming what it met, never a filter that silently matches all.
 */
export const parseFilterExpression = (expression: string | undefined): TraceFilter => {
  if (!expression?.trim()) return () => true;
  const tokens = tokenize(expression);
  let at = 0;
  const term = (): TraceFilter => {
    const token = tokens[at++];
    if (token === undefined) throw unsupported(expression);
    const keyword = token.toLowerCase();
    if (keyword === 'ok') return (t) => !t.HasFault && !t.HasError && !t.HasThrottle;
    if (keyword === 'fault') return (t) => t.HasFault;
    if (keyword === 'error') return (t) => t.HasError;
    if (keyword === 'throttle') return (t) => t.HasThrottle;
    if (token.startsWith('service("')) {
      const name = JSON.parse(token.slice('service('.length, -1)) as string;
      return (t) => t.ServiceIds.some((s) => s.Name === name);
    }
    const compared =
      token.startsWith('annotation.') || ['duration', 'responsetime'].includes(keyword);
    if (!compared) throw unsupported(token);
    const op = tokens[at++] ?? '';
    const value = literal(tokens[at++]);
    if (token.startsWith('annotation.')) {
      const key = token.slice('annotation.'.length);
      return (t) => {
        const values = annotationValues(t, key);
        return values.length === 0 ? op === '!=' : values.some((v) => compare(op, v, value));
      };
    }
    if (keyword === 'duration') return (t) => compare(op, t.Duration, value);
    return (t) => compare(op, t.ResponseTime, value);
  };
  const conjunction = (): TraceFilter => {
    const terms = [term()];
    while (tokens[at]?.toUpperCase() === 'AND') {
      at += 1;
      terms.push(term());
    }
    return (t) => terms.every((f) => f(t));
  };
  const alternatives = [conjunction()];
  while (tokens[at]?.toUpperCase() === 'OR') {
    at += 1;
    alternatives.push(conjunction());
  }
  if (at < tokens.length) throw unsupported(tokens.slice(at).join(' '));
  return (t) => alternatives.some((f) => f(t));
};
