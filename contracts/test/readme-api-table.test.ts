import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { type Operation, operations } from '../src/api/routes.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

it("lists every route of the API in the root README's API table, with its auth", () => {
  const documented = readme
    .split('\n')
    .map((line) => /^\| `(GET|POST|PUT|PATCH|DELETE) (\/\S*)` +\| ([a-z-]+) +\|/.exec(line))
    .filter((m) => m !== null)
    .map((m) => `${m[1]} ${m[2]} ${m[3]}`);
  const declared = (Object.values(operations) as Operation[]).map(
    (o) => `${o.method} ${o.path} ${o.auth}`,
  );
  expect(documented.sort()).toEqual(declared.sort());
});
