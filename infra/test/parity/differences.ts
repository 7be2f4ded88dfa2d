import { UNRESOLVED } from './template-reader.ts';

/** JSON with object keys in order, so two equal descriptions print the same. */
export const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => {
    if (v === UNRESOLVED) return '<only on AWS>';
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  });

/**
 * Each difference between what deploys and what runs locally, one line each naming the kind of
 * resource, its name and both values. Resources are matched by name: one missing on either
 * side is a difference too.
 */
export const differences = (
  kind: string,
  aws: ReadonlyMap<string, unknown>,
  local: ReadonlyMap<string, unknown>,
): string[] => {
  const names = [...new Set([...aws.keys(), ...local.keys()])].sort();
  return names.flatMap((name) => {
    if (!aws.has(name)) return [`${kind} ${name}: runs locally, but does not deploy`];
    if (!local.has(name)) return [`${kind} ${name}: deploys, but does not run locally`];
    const [a, l] = [canonical(aws.get(name)), canonical(local.get(name))];
    return a === l ? [] : [`${kind} ${name}:\n    AWS:   ${a}\n    local: ${l}`];
  });
};
