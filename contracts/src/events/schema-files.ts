import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
