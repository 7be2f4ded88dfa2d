/**
 * The fault-injection cases of the fulfillment workflow, generated from its definition: every
 * Task state × (failing once, failing for good, its worker killed), each with the end a buyer
 * must see. A step added to the ASL is covered without touching this file.
 */

interface AslState {
  Type: string;
  Resource?: string;
  Next?: string;
  Default?: string;
  Choices?: { Next: string }[];
  Catch?: { ErrorEquals: string[]; Next: string }[];
}
export interface Asl {
  StartAt: string;
  States: Record<string, AslState>;
}

/** The states reached from `start` when nothing fails (no Catch followed). */
const reachableFrom = (asl: Asl, start: string) => {
  const seen = new Set<string>();
  const visit = (name: string | undefined) => {
    const state = name === undefined ? undefined : asl.States[name];
    if (!state || seen.has(name as string)) return;
    seen.add(name as string);
    for (const next of [state.Next, state.Default, ...(state.Choices ?? []).map((c) => c.Next)]) {
      visit(next);
    }
  };
  visit(start);
  return seen;
};

export interface TaskStep {
  state: string;
  /** The function ARN the state invokes. */
  resource: string;
  /** On the way to FULFILLED, or on the refund path a Catch leads to. */
  path: 'happy' | 'refund';
  /**
   * Where the state's catch-all leads when it fails for good: back onto the happy path (the
   * confirmation recorded as failed) or down the refund path; none: the execution fails.
   */
  caughtTo?: 'happy' | 'refund';
}

export const taskSteps = (asl: Asl): TaskStep[] => {
  const happy = reachableFrom(asl, asl.StartAt);
  const rejoins = (target: string) =>
    [...reachableFrom(asl, target)].some((name) => happy.has(name));
  return Object.entries(asl.States)
    .filter(([, s]) => s.Type === 'Task')
    .map(([state, s]) => {
      const target = s.Catch?.find((c) => c.ErrorEquals.includes('States.ALL'))?.Next;
      return {
        state,
        resource: s.Resource ?? '',
        path: happy.has(state) ? 'happy' : 'refund',
        ...(target !== undefined && { caughtTo: rejoins(target) ? 'happy' : 'refund' }),
      };
    });
};

/** The first happy-path step whose failure takes the refund path: how a refund case starts. */
export const refundTrigger = (steps: readonly TaskStep[]) => {
  const step = steps.find((s) => s.path === 'happy' && s.caughtTo === 'refund');
  if (!step) throw new Error('no step of the workflow leads to its refund path');
  return step;
};

export type FaultKind = 'once' | 'for-good' | 'killed';
export const FAULT_KINDS: readonly FaultKind[] = ['once', 'for-good', 'killed'];

/** What the buyer sees at the end. `sent`: emails by kind; `refunded`: the whole payment. */
export interface EndState {
  status: 'FULFILLED' | 'FAILED';
  tickets: number;
  sent: { confirmation: number; apology: number };
  refunded: boolean;
}

export interface FaultCase {
  step: TaskStep;
  kind: FaultKind;
  /** The execution fails and waits for an operator (`ops executions redrive`) first. */
  needsRedrive: boolean;
  end: EndState;
}

const fulfilled = (tickets: number): EndState => ({
  status: 'FULFILLED',
  tickets,
  sent: { confirmation: 1, apology: 0 },
  refunded: false,
});
const refunded: EndState = {
  status: 'FAILED',
  tickets: 0,
  sent: { confirmation: 0, apology: 1 },
  refunded: true,
};

/**
 * Every case, and its end: a step that fails once or loses its worker is retried, and the order
 * ends as if nothing happened. One that fails for good either ends where its Catch leads, without
 * the email it would have sent (`emailOf`), or fails the execution for an operator to redrive.
 */
export const faultCases = (
  steps: readonly TaskStep[],
  {
    tickets,
    emailOf,
  }: { tickets: number; emailOf: (step: TaskStep) => keyof EndState['sent'] | undefined },
): FaultCase[] =>
  steps.flatMap((step) =>
    FAULT_KINDS.map((kind) => {
      const normal = step.path === 'happy' ? fulfilled(tickets) : refunded;
      if (kind !== 'for-good' || step.caughtTo === undefined) {
        return { step, kind, needsRedrive: kind === 'for-good', end: normal };
      }
      const caught = step.caughtTo === 'happy' ? fulfilled(tickets) : refunded;
      const email = emailOf(step);
      return {
        step,
        kind,
        needsRedrive: false,
        end: email ? { ...caught, sent: { ...caught.sent, [email]: 0 } } : caught,
      };
    }),
  );
