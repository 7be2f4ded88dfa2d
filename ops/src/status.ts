import { depthOf } from './dead-letters.ts';
import { failedExecutions } from './executions.ts';
import { scanOrders, stuckOrders, unsentEmails } from './stuck-orders.ts';
import type { Target } from './target.ts';
import { unsentApologies } from './unsent-apologies.ts';

/** What an operator looks at first: everything that failed for good and waits for a person. */
export const status = async (target: Target, { olderThanMs }: { olderThanMs: number }) => {
  const deadLetters = await Promise.all(
    target.plan.deadLetterQueues.map(async (q) => ({
      queue: q.name,
      function: q.functionName,
      depth: await depthOf(target, q),
    })),
  );
  const orders = await scanOrders(target);
  return {
    stage: target.stage,
    deadLetters: deadLetters.filter((d) => d.depth > 0),
    deadLetterTotal: deadLetters.reduce((sum, d) => sum + d.depth, 0),
    failedExecutions: await failedExecutions(target, target.plan.stateMachines),
    stuckOrders: await stuckOrders(target, { olderThanMs, orders }),
    unsentEmails: unsentEmails(orders),
    unsentApologies: await unsentApologies(target, orders, { olderThanMs }),
  };
};
export type Status = Awaited<ReturnType<typeof status>>;
