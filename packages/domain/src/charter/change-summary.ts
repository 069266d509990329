import { isDeepStrictEqual } from 'node:util';
import type { CharterRules } from './schemas';

/**
 * The rule keys that differ between two charters, as "rules.<key>" and
 * "overrides.<network>.<key>", sorted. Key order does not matter (jsonb does not keep it).
 */
export function charterChanges(before: CharterRules | null, after: CharterRules): string[] {
  const changed = diffKeys('rules', before?.rules ?? {}, after.rules);
  const networks = new Set([...Object.keys(before?.overrides ?? {}), ...Object.keys(after.overrides)]);
  for (const network of networks) {
    const was = (before?.overrides as Record<string, object | undefined> | undefined)?.[network] ?? {};
    const now = (after.overrides as Record<string, object | undefined>)[network] ?? {};
    changed.push(...diffKeys(`overrides.${network}`, was, now));
  }
  return changed.sort();
}

function diffKeys(prefix: string, before: object, after: object): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => !isDeepStrictEqual(a[key], b[key])).map((key) => `${prefix}.${key}`);
}
