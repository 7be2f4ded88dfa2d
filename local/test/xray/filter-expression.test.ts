import { describe, expect, it } from 'vitest';
import { parseFilterExpression } from '../../src/xray/filter-expression.ts';
import type { TraceSummary } from '../../src/xray/trace-summary.ts';

const trace = (fields: Partial<TraceSummary>): TraceSummary => ({
  Id: '1-00000000-000000000000000000000000',
  StartTime: 0,
  Duration: 1.5,
  ResponseTime: 0.2,
  HasFault: false,
  HasError: false,
  HasThrottle: false,
  IsPartial: false,
  Annotations: {},
  ServiceIds: [{ Name: 'mytabs-local/prod', Names: ['mytabs-local/prod'] }],
  ...fields,
});
const ordered = (orderId: string) =>
  trace({
    Annotations: { orderId: [{ AnnotationValue: { StringValue: orderId }, ServiceIds: [] }] },
  });

describe('filter expressions on the local X-Ray', () => {
  it('matches annotations, outcomes, durations and services, joined by AND and OR', () => {
    const byOrder = parseFilterExpression('annotation.orderId = "ord_1"');
    expect(byOrder(ordered('ord_1'))).toBe(true);
    expect(byOrder(ordered('ord_2'))).toBe(false);
    expect(byOrder(trace({}))).toBe(false);
    const failed = parseFilterExpression('annotation.orderId = "ord_1" AND fault');
    expect(failed(ordered('ord_1'))).toBe(false);
    expect(failed({ ...ordered('ord_1'), HasFault: true })).toBe(true);
    expect(parseFilterExpression('duration > 1 and ok')(trace({}))).toBe(true);
    expect(parseFilterExpression('responsetime >= 1 OR error')(trace({}))).toBe(false);
    expect(parseFilterExpression('service("mytabs-local/prod")')(trace({}))).toBe(true);
    expect(parseFilterExpression('')(trace({}))).toBe(true);
  });

  it('refuses what it does not answer with an error naming it, never matching everything', () => {
    expect(() => parseFilterExpression('http.url CONTAINS "orders"')).toThrow(
      /does not support "http\.url"/,
    );
    expect(() => parseFilterExpression('annotation.orderId = "ord_1" AND (fault)')).toThrow(
      /InvalidRequest|does not support/,
    );
  });
});
