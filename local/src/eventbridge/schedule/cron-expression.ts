/**
 * AWS's six-field cron (`cron(minutes hours day-of-month month day-of-week year)`), in UTC:
 * lists, ranges, steps, `*`, `?`, month and weekday names, `L` and `W` in day-of-month, `L` and
 * `#` in day-of-week (1 = SUN ... 7 = SAT). One of the two day fields must be `?`.
 */
export interface CronExpression {
  /** The first fire time strictly after `after` (whole minutes), or undefined if none is left. */
  next(after: Date): Date | undefined;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const MAX_YEAR = 2199;

interface Range {
  min: number;
  max: number;
  names?: string[];
}
const MINUTES: Range = { min: 0, max: 59 };
const HOURS: Range = { min: 0, max: 23 };
const DAYS: Range = { min: 1, max: 31 };
const MONTH: Range = { min: 1, max: 12, names: MONTHS };
const WEEKDAY: Range = { min: 1, max: 7, names: WEEKDAYS };
const YEARS: Range = { min: 1970, max: MAX_YEAR };

export class InvalidCronError extends Error {
  override name = 'InvalidCronError';
}

const fail = (message: string): never => {
  throw new InvalidCronError(message);
};

const value = (text: string, range: Range): number => {
  const named = range.names?.indexOf(text.toUpperCase()) ?? -1;
  const n = named >= 0 ? named + range.min : /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= range.min && n <= range.max)) fail(`${text} is out of range`);
  return n;
};

/** `*`, `a`, `a-b`, with an optional `/step`, comma-separated: the set of allowed values. */
const valueSet = (field: string, range: Range): Set<number> => {
  const allowed = new Set<number>();
  for (const item of field.split(',')) {
    const [span = '', stepText, ...extra] = item.split('/');
    if (extra.length > 0 || span === '') fail(`bad item ${item}`);
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) fail(`bad step in ${item}`);
    let from: number;
    let to: number;
    if (span === '*') {
      from = range.min;
      to = range.max;
    } else if (span.includes('-')) {
      const [a = '', b = ''] = span.split('-');
      from = value(a, range);
      to = value(b, range);
      if (from > to) fail(`bad range ${span}`);
    } else {
      from = value(span, range);
      to = stepText === undefined ? from : range.max;
    }
    for (let n = from; n <= to; n += step) allowed.add(n);
  }
  return allowed;
};

type DayTest = (date: Date) => boolean;

const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
const isWeekday = (year: number, month: number, day: number) => {
  const dow = new Date(Date.UTC(year, month, day)).getUTCDay();
  return dow !== 0 && dow !== 6;
};

/** The weekday nearest to `day` within the same month (Quartz's and AWS's `W`). */
const nearestWeekday = (year: number, month: number, day: number) => {
  const last = daysInMonth(year, month);
  const target = Math.min(day, last);
  const dow = new Date(Date.UTC(year, month, target)).getUTCDay();
  if (dow === 6) return target === 1 ? 3 : target - 1;
  if (dow === 0) return target === last ? target - 2 : target + 1;
  return target;
};

const dayOfMonth = (field: string): DayTest | undefined => {
  if (field === '?') return undefined;
  const upper = field.toUpperCase();
  if (upper === 'L') {
    return (d) => d.getUTCDate() === daysInMonth(d.getUTCFullYear(), d.getUTCMonth());
  }
  if (upper === 'LW') {
    return (d) => {
      const y = d.getUTCFullYear();
      const m = d.getUTCMonth();
      let last = daysInMonth(y, m);
      while (!isWeekday(y, m, last)) last--;
      return d.getUTCDate() === last;
    };
  }
  const weekday = /^(\d{1,2})W$/.exec(upper);
  if (weekday) {
    const day = value(weekday[1] as string, DAYS);
    return (d) => d.getUTCDate() === nearestWeekday(d.getUTCFullYear(), d.getUTCMonth(), day);
  }
  const days = valueSet(field, DAYS);
  return (d) => days.has(d.getUTCDate());
};

const dayOfWeek = (field: string): DayTest | undefined => {
  if (field === '?') return undefined;
  const upper = field.toUpperCase();
  const dow = (d: Date) => d.getUTCDay() + 1;
  if (upper === 'L') return (d) => dow(d) === 7;
  const last = /^(\w+)L$/.exec(upper);
  if (last) {
    const wanted = value(last[1] as string, WEEKDAY);
    return (d) =>
      dow(d) === wanted && d.getUTCDate() + 7 > daysInMonth(d.getUTCFullYear(), d.getUTCMonth());
  }
  const nth = /^(\w+)#([1-5])$/.exec(upper);
  if (nth) {
    const wanted = value(nth[1] as string, WEEKDAY);
    const n = Number(nth[2]);
    return (d) => dow(d) === wanted && Math.ceil(d.getUTCDate() / 7) === n;
  }
  const days = valueSet(field, WEEKDAY);
  return (d) => days.has(dow(d));
};

export const parseCron = (body: string): CronExpression => {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6) fail('a cron expression has six fields');
  const [min, hour, dom, month, dow, year] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if ((dom === '?') === (dow === '?'))
    fail('exactly one of day-of-month and day-of-week must be ?');
  const minutes = [...valueSet(min, MINUTES)].sort((a, b) => a - b);
  const hours = [...valueSet(hour, HOURS)].sort((a, b) => a - b);
  const months = valueSet(month, MONTH);
  const years = valueSet(year, YEARS);
  const dayTest = (dayOfMonth(dom) ?? dayOfWeek(dow)) as DayTest;

  return {
    next(after) {
      const start = new Date(Math.floor(after.getTime() / 60_000) * 60_000 + 60_000);
      const day = new Date(
        Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()),
      );
      for (; day.getUTCFullYear() <= MAX_YEAR; day.setUTCDate(day.getUTCDate() + 1)) {
        if (!years.has(day.getUTCFullYear()) || !months.has(day.getUTCMonth() + 1)) continue;
        if (!dayTest(day)) continue;
        for (const h of hours) {
          for (const m of minutes) {
            const at = new Date(day.getTime() + h * 3_600_000 + m * 60_000);
            if (at >= start) return at;
          }
        }
      }
      return undefined;
    },
  };
};
