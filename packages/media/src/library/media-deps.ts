import type { Db } from '@cadence/db';
import type { MediaStorage } from '../storage/storage';

/** What the media library's use cases need from the outside world. */
export interface MediaDeps {
  db: Db;
  storage: MediaStorage;
  /** Private directory for uploads while they are checked (never served). */
  tempDir: string;
  maxBytes: number;
  workspaceQuotaBytes: number;
  now: () => Date;
}
