import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { defineEvent } from '../src/events/define-event.ts';
import { planSchemaFiles, renderSchema } from '../src/events/schema-files.ts';

const probe = (version: number, data: z.ZodObject) =>
  defineEvent({
    source: 'mytabs.test',
    detailType: 'Probe',
    version,
    description: 'probe',
    data,
    examples: [{}],
  });
const v1 = probe(1, z.object({ orderId: z.string() }));

describe('planSchemaFiles (what `npm run contracts:generate` writes)', () => {
  it('writes a new event and a compatible change', () => {
    expect(planSchemaFiles(v1, undefined)).toEqual({
      writes: [{ file: 'Probe.schema.json', text: renderSchema(v1) }],
      breaking: [],
    });
    const widened = probe(1, z.object({ orderId: z.string(), note: z.string().optional() }));
    expect(planSchemaFiles(widened, renderSchema(v1)).writes).toEqual([
      { file: 'Probe.schema.json', text: renderSchema(widened) },
    ]);
  });

  it('refuses an incompatible change at the same version and writes nothing', () => {
    const plan = planSchemaFiles(probe(1, z.object({ amount: z.number() })), renderSchema(v1));
    expect(plan.writes).toEqual([]);
    expect(plan.breaking).toEqual([
      { path: 'data.orderId', message: 'field removed' },
      { path: 'data.amount', message: 'new required field' },
    ]);
  });

  it('keeps the previous version beside the new one when the version is bumped', () => {
    const v2 = probe(2, z.object({ amount: z.number() }));
    expect(planSchemaFiles(v2, renderSchema(v1))).toEqual({
      writes: [
        { file: 'Probe.v1.schema.json', text: renderSchema(v1) },
        { file: 'Probe.schema.json', text: renderSchema(v2) },
      ],
      breaking: [],
    });
  });
});
