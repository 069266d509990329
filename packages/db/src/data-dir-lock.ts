// One process per embedded data directory. PGlite takes no lock of its own: two processes on one
// directory each see only their own writes and corrupt the files. The lock is an OS-level record
// lock (Linux open-file-description lock, flock on macOS, LockFileEx on Windows, through
// fs-native-extensions): the kernel drops it when the process ends however it ends, kill -9
// included, so a crash never leaves a stale lock behind. See docs/decisions/0091-embedded-data-dir-lock.md.
import { closeSync, constants, ftruncateSync, openSync, writeSync } from 'node:fs';
import fsx from 'fs-native-extensions';

export class DataDirLockedError extends Error {
  constructor(
    public readonly dataDir: string,
    public readonly lockFile: string,
  ) {
    super(
      `Another Cadence process is already using the embedded database in ${dataDir} ` +
        `(lock held on ${lockFile}). Stop that process first, give this one another DATA_DIR, ` +
        'or set DATABASE_URL to share a PostgreSQL server between several processes.',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): void;
}

/** Takes the lock beside `dataDir` (not inside: PGlite initialises only an empty directory). */
export function lockDataDir(dataDir: string): DataDirLock {
  const lockFile = `${dataDir}.lock`;
  // Opened without truncating: the holder's pid stays readable until this process holds the lock.
  const fd = openSync(lockFile, constants.O_RDWR | constants.O_CREAT);
  let locked: boolean;
  try {
    locked = fsx.tryLock(fd);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  if (!locked) {
    closeSync(fd);
    throw new DataDirLockedError(dataDir, lockFile);
  }
  // For a person wondering who holds it; the lock itself is the kernel's, not this content.
  // Written through the locked descriptor (another one would be refused on Windows).
  ftruncateSync(fd, 0);
  writeSync(fd, `${process.pid}\n`, 0);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      fsx.unlock(fd);
      closeSync(fd);
    },
  };
}
