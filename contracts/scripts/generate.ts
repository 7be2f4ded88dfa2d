/**
 * Writes the committed artefacts of contracts/: one draft-04 JSON Schema per catalog event
 * (schemas/<DetailType>.schema.json, keeping a bumped version's predecessor as .v<N>) and the
 * OpenAPI 3.1 document (openapi.json). Run from the root with `npm run contracts:generate`.
 * Refuses (exit 1) to overwrite an event's schema with an incompatible one of the same version.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOpenApiDocument } from '../src/api/openapi.ts';
import { catalog } from '../src/events/catalog.ts';
import {
  openApiFile,
  planSchemaFiles,
  readCommitted,
  renderJson,
  schemaFileName,
  schemasDir,
} from '../src/events/schema-files.ts';

const written: string[] = [];
const write = (file: string, text: string) => {
  if (readCommitted(file) === text) return;
  writeFileSync(file, text);
  written.push(file);
};

const refused: string[] = [];
mkdirSync(schemasDir, { recursive: true });
for (const contract of Object.values(catalog)) {
  const committed = readCommitted(join(schemasDir, schemaFileName(contract.detailType)));
  const plan = planSchemaFiles(contract, committed);
  for (const { file, text } of plan.writes) {
    const path = join(schemasDir, file);
    // An archived version is history: never rewritten once it exists.
    if (file !== schemaFileName(contract.detailType) && existsSync(path)) continue;
    write(path, text);
  }
  if (plan.breaking.length > 0) {
    refused.push(
      `${contract.detailType} (version ${contract.version}) changed incompatibly:\n` +
        plan.breaking.map((c) => `    ${c.path || '(root)'}: ${c.message}`).join('\n'),
    );
  }
}
write(openApiFile, renderJson(createOpenApiDocument()));

console.log(written.length > 0 ? `wrote:\n  ${written.join('\n  ')}` : 'nothing to write');
if (refused.length > 0) {
  console.error(
    `not written:\n  ${refused.join('\n  ')}\n` +
      "Bump the event's version (the old schema is kept as <DetailType>.v<N>.schema.json), or, " +
      'for an event nobody consumes yet, delete its committed schema file and generate again.',
  );
  process.exitCode = 1;
}
