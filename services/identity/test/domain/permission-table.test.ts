import { readFileSync } from 'node:fs';
import { Permission, Role, rolePermissions } from '@mytabs/contracts';
import { expect, it } from 'vitest';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The README's "Who may do what" rows: permission -> the roles marked `yes`. */
const documented = () => {
  const rows = readme.split('\n').filter((line) => /^\| `\w+` +\|/.test(line));
  return Object.fromEntries(
    rows.map((row) => {
      const cells = row.split('|').map((c) => c.trim());
      const permission = (cells[1] ?? '').replaceAll('`', '');
      const marks = cells.slice(3, 3 + Role.options.length);
      return [permission, Role.options.filter((_, i) => marks[i] === 'yes')];
    }),
  );
};

it("enforces exactly the identity README's table of who may do what", () => {
  const enforced = Object.fromEntries(
    Permission.options.map((p) => [p, Role.options.filter((r) => rolePermissions[r].has(p))]),
  );
  expect(documented()).toEqual(enforced);
});
