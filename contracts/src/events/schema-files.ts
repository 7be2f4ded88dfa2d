import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type BreakingChange, findBreakingChanges } from './breaking-changes.ts';
import type { EventContract } from './define-event.ts';

/**
 * Where each event's committed JSON Schema lives: `schemas/<DetailType>.schema.json` is the
 * current version. When a version is bumped, the generator keeps the previous file as
 * `schemas/<DetailType>.v<N>.schema.json` (never rewritten again), so consumers of the old version
 * keep a schema to read and replays of archived events can be checked against it.
 */
export const schemasDir = fileURLToPath(new URL('../../schemas/', import.meta.url));
export const openApiFile = fileURLToPath(new URL('../../openapi.json', import.meta.url));

export const schemaFileName = (detailType: string) => `${detailType}.schema.json`;
export const archivedSchemaFileName = (detailType: string, version: number) =>
  `${detailType}.v${version}.schema.json`;

/** The exact bytes committed: stable key order (zod's), two-space indent, final newline. */
export const renderJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export const renderSchema = (contract: EventContract) => renderJson(contract.jsonSchema());

/** The committed text of a file under `schemas/`, or undefined when there is none. */
export const readCommitted = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

export interface SchemaPlan {
  /** File names under `schemas/` and the text each must hold. */
  writes: { file: string; text: string }[];
  /** Non-empty: the change is incompatible at the same version, and nothing is written. */
  breaking: BreakingChange[];
}

/**
 * What the generator does for one event, given its committed schema text: keep a bumped
 * version's predecessor, and refuse to overwrite a schema with an incompatible one of the same
 * version (otherwise regenerating would silently make the breaking-change test pass). Deleting the
 * committed file is the deliberate way around it, for an event nobody consumes yet.
 */
export const planSchemaFiles = (
  contract: EventContract,
  committed: string | undefined,
): SchemaPlan => {
  const current = { file: schemaFileName(contract.detailType), text: renderSchema(contract) };
  if (committed === undefined || committed === current.text)
    return { writes: [current], breaking: [] };
  const before = JSON.parse(committed) as Record<string, unknown>;
  const version = before['x-version'];
  if (typeof version === 'number' && version < contract.version) {
    const archive = { file: archivedSchemaFileName(contract.detailType, version), text: committed };
    return { writes: [archive, current], breaking: [] };
  }
  const breaking = findBreakingChanges(before, contract.jsonSchema());
  return breaking.length > 0 ? { writes: [], breaking } : { writes: [current], breaking: [] };
};
