import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isAlive } from './pid-alive.ts';

/** The data dir is held by a running platform: one process at a time may open its tables. */
export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

/**
 * Claims `dir` for this process with a pid file. Two platforms cannot share a data dir (dynalite's
 * LevelDB fails later, inside dynalite, with an uncaught error); this says so up front.
 * A pid file left by a process that is gone (killed hard) is taken over. Resolves a release.
 */
export const claimDataDir = async (dir: string) => {
  await mkdir(dir, { recursive: true });
  const lockFile = join(dir, 'platform.pid');
  for (;;) {
    try {
      await writeFile(lockFile, String(process.pid), { flag: 'wx' });
      return () => rm(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
      throw new DataDirInUseError(
        `The data dir ${dir} is in use by another local platform (pid ${holder}): stop it or choose another --data-dir.`,
      );
    }
    await rm(lockFile, { force: true });
  }
};
