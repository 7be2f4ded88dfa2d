import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { findBreakingChanges } from '../src/events/breaking-changes.ts';
import { defineEvent } from '../src/events/define-event.ts';

/** The schema an event with this `data` would commit: the comparison sees exactly that. */
const schemaOf = (data: z.ZodObject) =>
  defineEvent({
    source: 'mytabs.test',
    detailType: 'Probe',
    version: 1,
    description: 'probe',
    data,
    examples: [{}],
  }).jsonSchema();

const base = {
  orderId: z.string().regex(/^ord_/),
  amount: z.number().int().min(0).max(1000),
  note: z.string().max(50).optional(),
  status: z.enum(['PAID', 'FAILED']),
  tags: z.array(z.string()),
  price: z.number(),
};
const changesTo = (data: Record<string, z.ZodType>, description?: string) => {
  const after = schemaOf(z.object({ ...base, ...data }));
  return findBreakingChanges(
    schemaOf(z.object(base)),
    description ? { ...after, description } : after,
  );
};
const removing = (key: keyof typeof base) => {
  const { [key]: _removed, ...rest } = base;
  return findBreakingChanges(schemaOf(z.object(base)), schemaOf(z.object(rest)));
};

describe('findBreakingChanges', () => {
  it('finds nothing when nothing changed', () => {
    expect(changesTo({})).toEqual([]);
  });

  it('lets a new optional field and new annotations through', () => {
    expect(changesTo({ refundId: z.string().optional() }, 'reworded')).toEqual([]);
    expect(changesTo({ orderId: base.orderId.describe('the order') })).toEqual([]);
  });

  it.each([
    ['a required field removed', () => removing('orderId'), 'data.orderId', 'field removed'],
    ['an optional field removed', () => removing('note'), 'data.note', 'field removed'],
    [
      'a new required field',
      () => changesTo({ refundId: z.string() }),
      'data.refundId',
      'new required field',
    ],
    [
      'an optional field made required',
      () => changesTo({ note: z.string().max(50) }),
      'data.note',
      'field became required',
    ],
    [
      'a required field made optional',
      () => changesTo({ amount: base.amount.optional() }),
      'data.amount',
      'field became optional',
    ],
    [
      'a type changed',
      () => changesTo({ orderId: z.number() }),
      'data.orderId',
      'type narrowed: string no longer allowed',
    ],
    [
      'integer from number',
      () => changesTo({ price: z.number().int() }),
      'data.price',
      'type narrowed: integer instead of number',
    ],
    [
      'number from integer',
      () => changesTo({ amount: z.number().min(0).max(1000) }),
      'data.amount',
      'type widened: number instead of integer',
    ],
    [
      'a type widened to null',
      () => changesTo({ price: z.number().nullable() }),
      'data.price',
      'type widened: null now allowed',
    ],
    [
      'enum values removed',
      () => changesTo({ status: z.enum(['PAID']) }),
      'data.status',
      'enum values removed: "FAILED"',
    ],
    [
      'enum values added',
      () => changesTo({ status: z.enum(['PAID', 'FAILED', 'X']) }),
      'data.status',
      'enum values added: "X"',
    ],
    ['a new enum', () => changesTo({ price: z.literal(3) }), 'data.price', 'new enum [3]'],
    [
      'a new pattern',
      () => changesTo({ note: z.string().max(50).regex(/^a/).optional() }),
      'data.note',
      'new pattern "^a"',
    ],
    [
      'a changed pattern',
      () => changesTo({ orderId: z.string().regex(/^or_/) }),
      'data.orderId',
      'pattern changed',
    ],
    [
      'a new format',
      () => changesTo({ note: z.email().max(50).optional() }),
      'data.note',
      'new format "email"',
    ],
    [
      'a higher minimum',
      () => changesTo({ amount: z.number().int().min(1).max(1000) }),
      'data.amount',
      'minimum tightened from 0 to 1',
    ],
    [
      'a lower maximum',
      () => changesTo({ amount: z.number().int().min(0).max(10) }),
      'data.amount',
      'maximum tightened from 1000 to 10',
    ],
    [
      'a higher maximum',
      () => changesTo({ amount: z.number().int().min(0).max(5000) }),
      'data.amount',
      'maximum loosened (widened)',
    ],
    [
      'a tighter length',
      () => changesTo({ note: z.string().max(5).optional() }),
      'data.note',
      'maxLength tightened from 50 to 5',
    ],
    [
      'an exclusive bound',
      () => changesTo({ price: z.number().positive() }),
      'data.price',
      'exclusiveMinimum tightened',
    ],
    [
      'a new minItems',
      () => changesTo({ tags: z.array(z.string()).min(1) }),
      'data.tags',
      'new minItems 1',
    ],
    [
      'an array item narrowed',
      () => changesTo({ tags: z.array(z.string().min(2)) }),
      'data.tags[]',
      'new minLength 2',
    ],
    [
      'additionalProperties tightened',
      () => findBreakingChanges(schemaOf(z.object(base)), schemaOf(z.strictObject(base))),
      'data',
      'additionalProperties tightened to false',
    ],
  ])('reports %s', (_kind, compare, path, message) => {
    const changes = compare();
    expect(changes).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('reports a change deep inside nested objects with its full path', () => {
    const before = schemaOf(z.object({ buyer: z.object({ email: z.string() }) }));
    const after = schemaOf(z.object({ buyer: z.object({ email: z.email() }) }));
    expect(findBreakingChanges(before, after)).toContainEqual({
      path: 'data.buyer.email',
      message: expect.stringContaining('new format'),
    });
  });
});
