import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { findBreakingChanges } from '../src/events/breaking-changes.ts';
import { catalog } from '../src/events/catalog.ts';
import type { EventContract } from '../src/events/define-event.ts';
import {
  readCommitted,
  renderSchema,
  schemaFileName,
  schemasDir,
} from '../src/events/schema-files.ts';

const contracts = Object.values(catalog) as EventContract[];
const REGENERATE = 'run `npm run contracts:generate` and commit the result';

const committedSchema = (contract: EventContract) =>
  readCommitted(join(schemasDir, schemaFileName(contract.detailType)));

const draft04 = () => {
  // Both are CommonJS: under ESM the default import is `module.exports`, whose `default` is the export.
  const ajv = new Ajv04.default({ allErrors: true, strict: true });
  addFormats.default(ajv);
  ajv.addVocabulary(['x-source', 'x-version']);
  return ajv;
};

describe('committed event schemas', () => {
  it.each(contracts.map((c) => [c.detailType, c] as const))(
    '%s.schema.json is what the contract generates now',
    (detailType, contract) => {
      const committed = committedSchema(contract);
      expect(
        committed,
        `schemas/${detailType}.schema.json is missing: ${REGENERATE}`,
      ).toBeDefined();
      expect(
        committed === renderSchema(contract),
        `schemas/${detailType}.schema.json is stale: ${REGENERATE}`,
      ).toBe(true);
    },
  );

  it('every current schema file belongs to a catalog event', () => {
    const current = readdirSync(schemasDir).filter((f) => /^[A-Za-z]+\.schema\.json$/.test(f));
    const orphans = current.filter(
      (f) => !contracts.some((c) => schemaFileName(c.detailType) === f),
    );
    expect(
      orphans,
      'an event left the catalog: its consumers break; delete its file only on purpose',
    ).toEqual([]);
  });

  it.each(contracts.map((c) => [c.detailType, c] as const))(
    "%s's change since the committed schema is compatible, or its version was bumped",
    (detailType, contract) => {
      const committed = committedSchema(contract);
      if (committed === undefined) return;
      const before = JSON.parse(committed) as Record<string, unknown>;
      if (before['x-version'] !== contract.version) return;
      const changes = findBreakingChanges(before, contract.jsonSchema());
      const report = changes.map((c) => `  ${c.path || '(root)'}: ${c.message}`).join('\n');
      expect(
        changes,
        `${detailType} changed incompatibly but is still version ${contract.version}:\n${report}\n` +
          `Bump its version to ${contract.version + 1} (the generator keeps the old schema as ` +
          `${detailType}.v${contract.version}.schema.json) and ${REGENERATE}.`,
      ).toEqual([]);
    },
  );

  it('every example, as built, validates against its committed schema (ajv, draft-04)', () => {
    const ajv = draft04();
    for (const contract of contracts) {
      const validate = ajv.compile(JSON.parse(committedSchema(contract) ?? '{}'));
      for (const example of contract.examples) {
        const { detail } = contract.build(example as never, {
          idempotencyKey: `${contract.detailType}:1`,
          correlationId: 'c-1',
        });
        expect(validate(detail), `${contract.detailType}: ${ajv.errorsText(validate.errors)}`).toBe(
          true,
        );
        const broken = {
          ...detail,
          data: { ...detail.data, [Object.keys(detail.data)[0] as string]: 42 },
        };
        expect(validate(broken)).toBe(false);
      }
    }
  });
});
