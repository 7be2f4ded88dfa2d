export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Nearest-rank percentile of `values` (ms): the smallest value at or above p% of them. */
export const percentile = (values: readonly number[], p: number) => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
};

export const summarize = (values: readonly number[]): LatencySummary => ({
  count: values.length,
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  p99: percentile(values, 99),
});

/** The median of several runs' numbers, as the README reports them. */
export const median = (values: readonly number[]) => percentile(values, 50);
