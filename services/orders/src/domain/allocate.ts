/**
 * Splits `total` minor units in proportion to `weights` (equally when they are all zero), the
 * remainders to the largest fractions: the parts are whole and always add up to `total`.
 */
export const allocate = (total: number, weights: readonly number[]): number[] => {
  const sum = weights.reduce((a, w) => a + w, 0);
  const shares = weights.map((w) => (sum === 0 ? total / weights.length : (total * w) / sum));
  const parts = shares.map(Math.floor);
  let left = total - parts.reduce((a, p) => a + p, 0);
  const byFraction = shares
    .map((share, i) => ({ i, fraction: share - Math.floor(share) }))
    .sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (const { i } of byFraction) {
    if (left === 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
};
