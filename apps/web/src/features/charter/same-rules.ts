// Whether two charters say the same thing, whatever the order of their keys (jsonb does not keep
// it): the editor asks it to know whether what is on screen differs from the version it started from.
export function sameRules(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => sameRules(item, b[i]));
  // An absent key and an undefined one say the same (a rule switched off is deleted or undefined).
  const keys = (o: object) =>
    Object.entries(o)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k)
      .sort();
  const ka = keys(a);
  const kb = keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k, i) =>
        k === kb[i] && sameRules((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}
