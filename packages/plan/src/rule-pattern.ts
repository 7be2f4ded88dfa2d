/** What a rule needs of an event contract: its native EventBridge pattern. */
export type ContractPatterns = Readonly<Record<string, { pattern: Record<string, unknown> }>>;

/**
 * A subscription's pattern: its one event's contract pattern, or `$or` of several, each exactly as
 * the contract writes it (source, detail type and version), so a consumer of version 1 never
 * receives version 2 and a detail type from another source never matches.
 */
export const subscriptionPattern = (
  events: readonly string[],
  contracts: ContractPatterns,
  where: string,
): Record<string, unknown> => {
  const patterns = events.map((detailType) => {
    const contract = contracts[detailType];
    if (!contract)
      throw new Error(`${where} subscribes to ${detailType}, which is not in the catalog`);
    return contract.pattern;
  });
  return patterns.length === 1 ? (patterns[0] as Record<string, unknown>) : { $or: patterns };
};
