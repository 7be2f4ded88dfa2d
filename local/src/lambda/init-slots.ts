import { availableParallelism } from 'node:os';

/**
 * How many workers may load their handler at once, across all functions. On AWS every sandbox
 * has a CPU of its own; here all of them share the machine's cores, and dozens of cold starts at
 * once (a burst of buyers) would each take ten times longer. Waiting for a slot happens before
 * the invocation starts, so it is never counted in a function's timeout.
 */
export class InitSlots {
  #free: number;
  /** Invocations waiting for a slot: served before any warm-up, which nobody is waiting for. */
  readonly #invocations: Array<() => void> = [];
  readonly #warmUps: Array<() => void> = [];

  constructor(readonly size = Math.max(2, availableParallelism())) {
    this.#free = size;
  }

  async acquire(purpose: 'invocation' | 'warm-up' = 'invocation') {
    if (this.#free > 0) {
      this.#free -= 1;
      return;
    }
    const queue = purpose === 'invocation' ? this.#invocations : this.#warmUps;
    await new Promise<void>((resolve) => queue.push(resolve));
  }

  release() {
    const next = this.#invocations.shift() ?? this.#warmUps.shift();
    if (next) next();
    else this.#free += 1;
  }
}
