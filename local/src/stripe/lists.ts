import * as z from 'zod';
import { invalidParam } from './errors.ts';
import { formInt } from './params.ts';

/** Stripe's cursor pagination parameters, shared by every list endpoint. */
export const listParamsShape = {
  limit: formInt.optional(),
  starting_after: z.string().optional(),
  ending_before: z.string().optional(),
  expand: z.array(z.string()).optional(),
};

export interface ListParams {
  limit?: number | undefined;
  starting_after?: string | undefined;
  ending_before?: string | undefined;
}

/**
 * One page of `items` (already in Stripe's order, newest first) as Stripe's list object.
 * `starting_after` pages forwards, `ending_before` backwards.
 */
export const listPage = <T extends { id: string | null }>(
  items: readonly T[],
  url: string,
  params: ListParams,
) => {
  const limit = params.limit ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidParam(
      'Invalid limit: must be between 1 and 100',
      'parameter_invalid_integer',
      'limit',
    );
  }
  const indexOf = (id: string, param: string) => {
    const index = items.findIndex((item) => item.id === id);
    if (index < 0) throw invalidParam(`No such object: '${id}'`, 'resource_missing', param);
    return index;
  };
  let data: T[];
  let hasMore: boolean;
  if (params.starting_after) {
    const start = indexOf(params.starting_after, 'starting_after') + 1;
    data = items.slice(start, start + limit);
    hasMore = start + limit < items.length;
  } else if (params.ending_before) {
    const end = indexOf(params.ending_before, 'ending_before');
    data = items.slice(Math.max(0, end - limit), end);
    hasMore = end - limit > 0;
  } else {
    data = items.slice(0, limit);
    hasMore = limit < items.length;
  }
  return { object: 'list' as const, data, has_more: hasMore, url };
};

/** Stored objects newest first, as Stripe lists them (ties keep the later-created first). */
export const newestFirst = <T extends { created: number }>(items: Iterable<T>) =>
  [...items].reverse().sort((a, b) => b.created - a.created);
