import type { Db } from '@cadence/db';

/**
 * What every use case needs from outside, passed as the first argument of `(deps, actor, input)`.
 * The clock is here so a test can fix "now" and no write reads the machine's time by itself;
 * use cases that need more (a key ring, a network provider) extend this.
 */
export interface UseCaseDeps {
  db: Db;
  clock: () => Date;
}
