// IANA zones the browser knows, for pickers. The browser's own zone is only a suggestion to preselect.

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function timeZoneOptions(): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  // Some engines list neither UTC nor the zone they report as current; both must be choosable.
  zones.add('UTC');
  zones.add(browserTimeZone());
  return [...zones].sort();
}
