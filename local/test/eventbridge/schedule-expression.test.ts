import { describe, expect, it } from 'vitest';
import {
  InvalidScheduleError,
  parseSchedule,
} from '../../src/eventbridge/schedule/schedule-expression.ts';

const anchor = new Date('2026-11-25T10:00:30Z');
const at = (iso: string) => new Date(iso);
const next = (expression: string, after: string) =>
  parseSchedule(expression, anchor).next(at(after))?.toISOString();

/** The first `n` fire times after `after`. */
const series = (expression: string, after: string, n: number) => {
  const schedule = parseSchedule(expression, anchor);
  const times: string[] = [];
  let cursor = at(after);
  for (let i = 0; i < n; i++) {
    const t = schedule.next(cursor);
    if (!t) break;
    times.push(t.toISOString());
    cursor = t;
  }
  return times;
};

describe('rate expressions', () => {
  it('rate(1 minute) fires every minute from the rule creation', () => {
    expect(series('rate(1 minute)', '2026-11-25T10:00:30Z', 3)).toEqual([
      '2026-11-25T10:01:30.000Z',
      '2026-11-25T10:02:30.000Z',
      '2026-11-25T10:03:30.000Z',
    ]);
  });

  it('rate(5 minutes), rate(2 hours), rate(1 day)', () => {
    expect(next('rate(5 minutes)', '2026-11-25T10:07:00Z')).toBe('2026-11-25T10:10:30.000Z');
    expect(next('rate(2 hours)', '2026-11-25T10:00:30Z')).toBe('2026-11-25T12:00:30.000Z');
    expect(next('rate(1 day)', '2026-11-25T10:00:30Z')).toBe('2026-11-26T10:00:30.000Z');
  });

  it.each([
    'rate(1 minutes)',
    'rate(5 minute)',
    'rate(0 minutes)',
    'rate(5 weeks)',
    'rate(-1 minute)',
    'rate(1  minute)',
  ])('refuses %s', (expression) => {
    expect(() => parseSchedule(expression, anchor)).toThrow(InvalidScheduleError);
  });
});

describe('cron expressions (six fields, UTC)', () => {
  it('cron(0/5 * * * ? *) fires every five minutes on the five', () => {
    expect(series('cron(0/5 * * * ? *)', '2026-11-25T10:03:10Z', 3)).toEqual([
      '2026-11-25T10:05:00.000Z',
      '2026-11-25T10:10:00.000Z',
      '2026-11-25T10:15:00.000Z',
    ]);
  });

  it('cron(15 10 * * ? *): 10:15 every day', () => {
    expect(next('cron(15 10 * * ? *)', '2026-11-25T10:15:00Z')).toBe('2026-11-26T10:15:00.000Z');
  });

  it('cron(0 18 ? * MON-FRI *): 18:00 on weekdays (skips the weekend)', () => {
    // 2026-11-27 is a Friday.
    expect(series('cron(0 18 ? * MON-FRI *)', '2026-11-27T12:00:00Z', 2)).toEqual([
      '2026-11-27T18:00:00.000Z',
      '2026-11-30T18:00:00.000Z',
    ]);
  });

  it('cron(0 8 1 * ? *): 8:00 on the first of each month', () => {
    expect(next('cron(0 8 1 * ? *)', '2026-11-25T00:00:00Z')).toBe('2026-12-01T08:00:00.000Z');
  });

  it('cron(0/10 * ? * MON-FRI *): every ten minutes on weekdays', () => {
    // 2026-11-28 is a Saturday.
    expect(next('cron(0/10 * ? * MON-FRI *)', '2026-11-28T09:00:00Z')).toBe(
      '2026-11-30T00:00:00.000Z',
    );
  });

  it('cron(0/5 8-17 ? * MON-FRI *): every five minutes in office hours', () => {
    expect(next('cron(0/5 8-17 ? * MON-FRI *)', '2026-11-25T17:55:00Z')).toBe(
      '2026-11-26T08:00:00.000Z',
    );
  });

  it('cron(0 9 ? * 2#1 *): the first Monday of every month', () => {
    expect(next('cron(0 9 ? * 2#1 *)', '2026-11-25T00:00:00Z')).toBe('2026-12-07T09:00:00.000Z');
  });

  it('L in day-of-month: the last day of the month (February of a leap year)', () => {
    expect(next('cron(0 0 L * ? *)', '2028-02-02T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
  });

  it('nL in day-of-week: the last Friday of the month', () => {
    expect(next('cron(30 12 ? * 6L *)', '2026-11-01T00:00:00Z')).toBe('2026-11-27T12:30:00.000Z');
  });

  it('W in day-of-month: the weekday nearest the 15th (a Sunday moves to Monday)', () => {
    // 2026-11-15 is a Sunday.
    expect(next('cron(0 12 15W * ? *)', '2026-11-01T00:00:00Z')).toBe('2026-11-16T12:00:00.000Z');
  });

  it('lists, month names and a year field', () => {
    expect(series('cron(0,30 6 1 JAN,JUL ? 2027)', '2026-11-25T00:00:00Z', 3)).toEqual([
      '2027-01-01T06:00:00.000Z',
      '2027-01-01T06:30:00.000Z',
      '2027-07-01T06:00:00.000Z',
    ]);
    expect(next('cron(0 6 1 JAN ? 2020-2021)', '2026-11-25T00:00:00Z')).toBeUndefined();
  });

  it.each([
    'cron(0 12 * * * *)',
    'cron(0 12 ? * ? *)',
    'cron(0 12 * *)',
    'cron(60 * * * ? *)',
    'cron(0 24 * * ? *)',
    'cron(0 0 32 * ? *)',
    'cron(0 0 ? * 8 *)',
    'cron(0 0 ? FOO * *)',
    'cron(0/0 * * * ? *)',
    'cron(5-1 * * * ? *)',
    'every minute',
  ])('refuses %s', (expression) => {
    expect(() => parseSchedule(expression, anchor)).toThrow(InvalidScheduleError);
  });
});
