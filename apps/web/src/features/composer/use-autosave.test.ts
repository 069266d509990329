import { describe, expect, it } from 'vitest';
import { autosaveDelay, MAX_WAIT_MS, QUIET_MS } from './use-autosave';

describe('autosaveDelay', () => {
  it('saves a moment after typing pauses', () => {
    expect(autosaveDelay(1_000, 1_000, 1_000)).toBe(QUIET_MS);
    expect(autosaveDelay(1_000, 2_000, 2_500)).toBe(QUIET_MS - 500);
  });

  it('saves every few seconds while typing goes on', () => {
    // Typing since 0, a key every 100 ms: the save comes at MAX_WAIT_MS, not after the pause.
    expect(autosaveDelay(0, 5_900, 5_900)).toBe(MAX_WAIT_MS - 5_900);
    expect(autosaveDelay(0, 9_000, 9_000)).toBe(0);
  });
});
