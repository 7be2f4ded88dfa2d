import type { Account } from './account.ts';
import { invalidRequest } from './errors.ts';

/** The stored object an id names, by its prefix, for `expand[]`. */
const lookup = (account: Account, id: string): object | undefined => {
  const prefix = id.slice(0, id.indexOf('_'));
  switch (prefix) {
    case 'pi':
      return account.paymentIntents.get(id)?.object;
    case 'ch':
      return account.charges.get(id);
    case 're':
      return account.refunds.get(id);
    case 'dp':
      return account.disputes.get(id);
    case 'pm':
      return account.paymentMethods.get(id);
    case 'taxloc':
      return account.taxLocations.get(id);
    default:
      return undefined;
  }
};

const expandPath = (
  account: Account,
  target: Record<string, unknown>,
  path: string[],
  full: string,
) => {
  const [field, ...rest] = path;
  if (field === undefined) return;
  let value = target[field];
  if (typeof value === 'string') {
    const found = lookup(account, value);
    if (!found)
      throw invalidRequest(`This property cannot be expanded (${full}).`, undefined, 'expand');
    value = structuredClone(found);
    target[field] = value;
  }
  if (rest.length === 0) return;
  if (value === null || value === undefined) return;
  if (typeof value !== 'object') {
    throw invalidRequest(`This property cannot be expanded (${full}).`, undefined, 'expand');
  }
  if (Array.isArray(value)) {
    for (const item of value) expandPath(account, item as Record<string, unknown>, rest, full);
  } else {
    expandPath(account, value as Record<string, unknown>, rest, full);
  }
};

/**
 * Replaces ids named by `expand[]` (`latest_charge`, `data.payment_intent` on lists,
 * `latest_charge.payment_intent`) with the objects, on a copy of the response.
 */
export const expandResponse = <T extends object>(
  account: Account,
  response: T,
  paths: readonly string[] | undefined,
): T => {
  if (!paths || paths.length === 0) return response;
  const copy = structuredClone(response) as Record<string, unknown>;
  for (const path of paths) expandPath(account, copy, path.split('.'), path);
  return copy as T;
};
