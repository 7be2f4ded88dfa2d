import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Metafile } from 'esbuild';

/** What a set's current build was made from: a start finding all of it as it was reuses it. */
export interface BuildRecord {
  buildId: string;
  /** Every file the bundles were built from (absolute), with what it was then. */
  inputs: Array<[path: string, mtimeMs: number, size: number]>;
}

const CURRENT = 'current.json';

/** `metafile` names inputs relative to esbuild's `workingDir`. */
export const recordOf = (buildId: string, metafile: Metafile, workingDir: string): BuildRecord => ({
  buildId,
  inputs: Object.keys(metafile.inputs).map((input) => {
    const path = resolve(workingDir, input);
    const stat = statSync(path);
    return [path, stat.mtimeMs, stat.size];
  }),
});

export const readCurrent = (setDir: string): BuildRecord | undefined => {
  try {
    return JSON.parse(readFileSync(join(setDir, CURRENT), 'utf8')) as BuildRecord;
  } catch {
    return undefined;
  }
};

/** Written whole and renamed into place, so a start that reads it finds a finished build. */
export const writeCurrent = (setDir: string, record: BuildRecord) => {
  const temporary = join(setDir, `${CURRENT}.${record.buildId}`);
  writeFileSync(temporary, JSON.stringify(record));
  renameSync(temporary, join(setDir, CURRENT));
};

/** Whether every input is as the build found it. */
export const unchanged = ({ inputs }: BuildRecord) =>
  inputs.every(([path, mtimeMs, size]) => {
    try {
      const stat = statSync(path);
      return stat.mtimeMs === mtimeMs && stat.size === size;
    } catch {
      return false;
    }
  });
