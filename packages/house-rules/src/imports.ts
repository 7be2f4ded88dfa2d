import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** One module specifier a source file imports (statically, dynamically, or re-exports from). */
export interface Import {
  /** The importing file, relative to the repository root, with `/` separators. */
  file: string;
  specifier: string;
  /** For a relative specifier: the imported file, relative to the repository root. */
  target?: string;
  typeOnly: boolean;
}

const SPECIFIERS =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

const posix = (path: string) => path.split(sep).join('/');

/** Every `.ts` file under `dir` (node_modules and build output left out). */
export const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (['node_modules', 'cdk.out', 'dist', '.turbo'].includes(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });

/** The imports of each file, read from its text (enough for a rule about what a file may use). */
export const importsOf = (root: string, files: readonly string[]): Import[] =>
  files.flatMap((path) => {
    const text = readFileSync(path, 'utf8');
    return [...text.matchAll(SPECIFIERS)].map((match) => {
      const specifier = (match[3] ?? match[4]) as string;
      return {
        file: posix(relative(root, path)),
        specifier,
        ...(specifier.startsWith('.') && {
          target: posix(relative(root, resolve(path, '..', specifier))),
        }),
        typeOnly: Boolean(match[2]),
      };
    });
  });

/** The package a bare specifier names: `@scope/name/sub` -> `@scope/name`, `zod/v4` -> `zod`. */
export const packageOf = (specifier: string) => {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
};

export const isBare = (specifier: string) =>
  !specifier.startsWith('.') && !specifier.startsWith('node:');
