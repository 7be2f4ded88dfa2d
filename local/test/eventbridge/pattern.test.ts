import { describe, expect, it } from 'vitest';
import { compileEventPattern } from '../../src/eventbridge/pattern/event-pattern.ts';
import { allCases } from './pattern-cases.ts';

describe('event pattern matching, cases from the AWS documentation', () => {
  it('covers at least 60 documented cases, matching and not', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(60);
    expect(allCases.filter((c) => c.matches).length).toBeGreaterThan(20);
    expect(allCases.filter((c) => !c.matches).length).toBeGreaterThan(20);
  });

  it.each(allCases)('$name', ({ pattern, event, matches }) => {
    expect(compileEventPattern(JSON.stringify(pattern)).matches(event)).toBe(matches);
  });
});
