import type { Clock } from './clock.ts';
import type { Rule } from './rule-registry.ts';

/**
 * Fires scheduled rules on the clock: one timer per enabled rule with a schedule, each fire
 * computing the next one from its own time, so a test clock that jumps ahead fires every due time.
 */
export class Scheduler {
  readonly #timers = new Map<string, { cancel(): void }>();

  constructor(
    private readonly clock: Clock,
    private readonly fire: (rule: Rule, at: Date) => void,
  ) {}

  /** Replace all timers with those of `rules` (called after every rule change). */
  sync(rules: readonly Rule[]) {
    this.close();
    for (const rule of rules) {
      if (rule.schedule && rule.record.State === 'ENABLED') {
        this.#arm(rule, new Date(this.clock.now()));
      }
    }
  }

  close() {
    for (const timer of this.#timers.values()) timer.cancel();
    this.#timers.clear();
  }

  #arm(rule: Rule, after: Date) {
    const at = rule.schedule?.next(after);
    if (!at) return;
    const timer = this.clock.setTimer(
      () => {
        this.fire(rule, at);
        this.#arm(rule, at);
      },
      Math.max(0, at.getTime() - this.clock.now()),
    );
    this.#timers.set(rule.record.Arn, timer);
  }
}
