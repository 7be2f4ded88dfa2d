import type { FunctionPool } from './function-pool.ts';

export interface MemoryBudget {
  /** Resident memory of the whole process (every worker included) to stay under, in MB. */
  budgetMb: number;
  /** A worker idle for less than this is kept whatever the memory: it is likely wanted again. */
  minIdleMs: number;
  /** How often resident memory is read. */
  checkEveryMs: number;
}

/** About what `npm start` holds once every function has one warm worker, with room to spare. */
export const DEFAULT_MEMORY_BUDGET: MemoryBudget = {
  budgetMb: 2048,
  minIdleMs: 30_000,
  checkEveryMs: 5_000,
};

/**
 * Lambda recycles a sandbox after some idle minutes, each in memory of its own. Here every worker
 * shares one process's memory, so while the process is over budget the longest-idle workers are
 * stopped without waiting for their idle timeout: a quarter of those idle long enough per check,
 * since resident memory falls only some time after a worker stops.
 */
export const watchMemory = (
  pools: () => Iterable<FunctionPool>,
  budget: MemoryBudget,
  residentBytes = () => process.memoryUsage.rss(),
) => {
  const timer = setInterval(() => {
    if (residentBytes() <= budget.budgetMb * 2 ** 20) return;
    const now = Date.now();
    const idle = [...pools()]
      .flatMap((pool) => pool.idleWorkers())
      .filter((worker) => now - worker.idleSince >= budget.minIdleMs)
      .sort((a, b) => a.idleSince - b.idleSince);
    for (const worker of idle.slice(0, Math.ceil(idle.length / 4))) worker.stop();
  }, budget.checkEveryMs);
  timer.unref();
  return () => clearInterval(timer);
};
