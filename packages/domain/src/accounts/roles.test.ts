import { describe, expect, it } from 'vitest';
import { roleAtLeast } from './roles';

describe('roleAtLeast', () => {
  it('orders owner > manager > editor > viewer', () => {
    expect(roleAtLeast('owner', 'manager')).toBe(true);
    expect(roleAtLeast('manager', 'manager')).toBe(true);
    expect(roleAtLeast('editor', 'manager')).toBe(false);
    expect(roleAtLeast('viewer', 'editor')).toBe(false);
  });
});
