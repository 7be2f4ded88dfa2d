import { randomUUID } from 'node:crypto';
import type { Plan } from '@mytabs/plan';
import type { ZodError } from 'zod';
import type { FaultKind, FaultSpec } from './fault-spec.ts';

/** A fault in force: its spec (function names resolved), when it ends, and calls it failed. */
export type Fault = FaultSpec & {
  id: string;
  startedAt: string;
  endsAt: string;
  /** Calls failed so far. */
  failed: number;
};

/** A fault that names something the plan does not have: answered as a field error. */
export class UnknownFaultTarget extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The faults in force on the local platform. The parts that can fail ask `take()` on each call;
 * a fault ends by itself when its time is up or its `times` are used, and says so in the log.
 */
export class LocalFaults {
  readonly #faults = new Map<string, Fault>();
  readonly #timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly plan: Pick<Plan, 'functions' | 'tables'>,
    private readonly log: (line: string) => void,
  ) {}

  add(spec: FaultSpec): Fault {
    const resolved = this.resolve(spec);
    const now = Date.now();
    const fault: Fault = {
      ...resolved,
      id: randomUUID(),
      startedAt: new Date(now).toISOString(),
      endsAt: new Date(now + resolved.seconds * 1000).toISOString(),
      failed: 0,
    };
    this.#faults.set(fault.id, fault);
    const timer = setTimeout(() => this.#end(fault.id, 'its time is up'), resolved.seconds * 1000);
    timer.unref();
    this.#timers.set(fault.id, timer);
    this.log(`faults: ${describe(fault)} until ${fault.endsAt} (id ${fault.id})`);
    return fault;
  }

  active(): Fault[] {
    return [...this.#faults.values()];
  }

  remove(id: string) {
    return this.#end(id, 'removed');
  }

  clear() {
    for (const id of [...this.#faults.keys()]) this.#end(id, 'removed');
  }

  /** The fault of this kind that applies to a call, counting the call against its `times`. */
  take<K extends FaultKind>(
    kind: K,
    applies: (fault: Fault & { kind: K }) => boolean,
  ): (Fault & { kind: K }) | undefined {
    const fault = [...this.#faults.values()].find(
      (f): f is Fault & { kind: K } => f.kind === kind && applies(f as Fault & { kind: K }),
    );
    if (!fault) return undefined;
    fault.failed += 1;
    if (fault.times !== undefined && fault.failed >= fault.times) {
      this.#end(fault.id, `it failed ${fault.times} call(s)`);
    }
    return fault;
  }

  close() {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#faults.clear();
  }

  #end(id: string, why: string) {
    const fault = this.#faults.get(id);
    if (!fault) return false;
    this.#faults.delete(id);
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
    this.log(`faults: ended ${describe(fault)}: ${why} (id ${id})`);
    return true;
  }

  /** The spec with its function's full name, or UnknownFaultTarget if the plan lacks its target. */
  resolve(spec: FaultSpec): FaultSpec {
    if (spec.kind === 'function') {
      const fn = this.plan.functions.find(
        (f) => f.name === spec.function || f.ref === spec.function,
      );
      if (!fn) {
        throw new UnknownFaultTarget(
          'function',
          `no function ${spec.function} in the plan (name it mytabs-local-<service>-<function> or <service>.<function>)`,
        );
      }
      return { ...spec, function: fn.name };
    }
    if (spec.kind === 'dynamodb' && !this.plan.tables.some((t) => t.name === spec.table)) {
      throw new UnknownFaultTarget(
        'table',
        `no table ${spec.table} in the plan (tables: ${this.plan.tables.map((t) => t.name).join(', ')})`,
      );
    }
    return spec;
  }
}

const SES_VERBS = {
  refuse: 'refuses',
  throttle: 'throttles',
  bounce: 'bounces',
  complain: 'reports a complaint about',
} as const;

const describe = (fault: Fault) => {
  const times = fault.times === undefined ? '' : `, at most ${fault.times} call(s)`;
  switch (fault.kind) {
    case 'function': {
      const which = fault.matching === undefined ? '' : ` (events containing ${fault.matching})`;
      return fault.mode === 'kill'
        ? `function ${fault.function}${which} has its worker killed before it answers${times}`
        : `function ${fault.function}${which} fails with ${fault.errorType}${times}`;
    }
    case 'ses':
      return `SES ${SES_VERBS[fault.mode]} SendEmail${fault.recipient ? ` to ${fault.recipient}` : ''}${times}`;
    case 'stripe':
      return `Stripe ${fault.mode === 'timeout' ? 'does not answer' : `answers ${fault.status}`}${times}`;
    case 'dynamodb':
      return `DynamoDB throttles table ${fault.table}${times}`;
  }
};

/** The field errors of a spec that does not parse, as problem+json lists them. */
export const fieldErrors = (error: ZodError) =>
  error.issues.map((issue) => ({
    path: issue.path.join('.') || '(body)',
    message: issue.message,
  }));
