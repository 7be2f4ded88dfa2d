/**
 * Stripe's metadata update rule: keys are merged, a key set to `''` is removed, and `metadata=''`
 * removes every key.
 */
export const mergeMetadata = (
  current: Record<string, string>,
  update: '' | Record<string, string> | undefined,
): Record<string, string> => {
  if (update === undefined) return current;
  if (update === '') return {};
  const merged = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === '') delete merged[key];
    else merged[key] = value;
  }
  return merged;
};
