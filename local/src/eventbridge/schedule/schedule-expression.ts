import { InvalidCronError, parseCron } from './cron-expression.ts';

/** A rule's `ScheduleExpression`, able to say when it fires next. */
export interface Schedule {
  readonly expression: string;
  /** The first fire time strictly after `after`, or undefined when the schedule has ended. */
  next(after: Date): Date | undefined;
}

export class InvalidScheduleError extends Error {
  override name = 'InvalidScheduleError';
  constructor(readonly expression: string) {
    super('Parameter ScheduleExpression is not valid.');
  }
}

const UNIT_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

/**
 * `rate(value unit)` and `cron(...)` as EventBridge parses them. A rate counts from `anchor`
 * (when the rule was created), as AWS's rates do; `rate(1 minutes)` and `rate(5 minute)` are
 * refused like AWS refuses them (singular unit for 1, plural otherwise).
 */
export const parseSchedule = (expression: string, anchor: Date): Schedule => {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate) {
    const count = Number(rate[1]);
    const unit = rate[2] as string;
    const plural = unit.endsWith('s');
    if (count < 1 || (count === 1) === plural) throw new InvalidScheduleError(expression);
    const period = count * UNIT_MS[(plural ? unit.slice(0, -1) : unit) as keyof typeof UNIT_MS];
    return {
      expression,
      next: (after) => {
        const elapsed = after.getTime() - anchor.getTime();
        const periods = elapsed < 0 ? 1 : Math.floor(elapsed / period) + 1;
        return new Date(anchor.getTime() + periods * period);
      },
    };
  }
  const cron = /^cron\((.+)\)$/.exec(expression);
  if (cron) {
    try {
      const parsed = parseCron(cron[1] as string);
      return { expression, next: (after) => parsed.next(after) };
    } catch (error) {
      if (error instanceof InvalidCronError) throw new InvalidScheduleError(expression);
      throw error;
    }
  }
  throw new InvalidScheduleError(expression);
};
