import type { Config } from '@cadence/config';
import type { Database } from '@cadence/db';
import type { KeyRing } from '@cadence/domain/security/secret-box';
import type { MediaStorage } from '@cadence/media';

/** What the routes need from the outside world, passed down explicitly (tests swap the clock). */
export interface AppContext {
  config: Config;
  database: Database;
  keyRing: KeyRing;
  clock: () => Date;
  /** Where media library files live; from the configuration when unset (tests pass their own). */
  mediaStorage?: MediaStorage;
}
