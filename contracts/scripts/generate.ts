/**
 * Writes the committed artefacts of contracts/: one draft-04 JSON Schema per catalog event
 * (schemas/<DetailType>.schema.json, keeping a bumped version's predecessor as .v<N>) and the
 * OpenAPI 3.1 document (openapi.json). Run from the root with `npm run contracts:generate`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOpenApiDocument } from '../src/api/openapi.ts';
import { catalog } from '../src/events/catalog.ts';
import {
  archivedSchemaFileName,
  openApiFile,
  readCommitted,
  renderJson,
  renderSchema,
  schemaFileName,
  schemasDir,
} from '../src/events/schema-files.ts';

const written: string[] = [];
const write = (file: string, text: string) => {
  if (readCommitted(file) === text) return;
  writeFileSync(file, text);
  written.push(file);
};

mkdirSync(schemasDir, { recursive: true });
for (const contract of Object.values(catalog)) {
  const file = join(schemasDir, schemaFileName(contract.detailType));
  const committed = readCommitted(file);
  if (committed !== undefined) {
    const committedVersion = (JSON.parse(committed) as { 'x-version'?: unknown })['x-version'];
    if (typeof committedVersion === 'number' && committedVersion < contract.version) {
      const archive = join(
        schemasDir,
        archivedSchemaFileName(contract.detailType, committedVersion),
      );
      if (!existsSync(archive)) write(archive, committed);
    }
  }
  write(file, renderSchema(contract));
}
write(openApiFile, renderJson(createOpenApiDocument()));

console.log(written.length > 0 ? `wrote:\n  ${written.join('\n  ')}` : 'everything was up to date');
