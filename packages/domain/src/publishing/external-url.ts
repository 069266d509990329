// The address of a published post comes from the network's answer, is stored, rendered as a
// link and exported: a hostile or broken answer must not turn it into `javascript:` or a link to
// somewhere else. Checked where the answer is read (with the network's own hosts), again before
// it is stored, and again before it is rendered or exported (rows stored before this check).
// Browser-safe: the web app uses the same function.

/**
 * The URL if a browser may open it: http or https only, and, when hosts are given, on one of
 * them or a subdomain of one. Anything else gives null (no link rather than a bad one).
 */
export function safeExternalUrl(raw: unknown, hosts?: readonly string[]): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  if (hosts && !hosts.some((host) => onHost(url.hostname, host))) return null;
  return url.href;
}

function onHost(hostname: string, host: string): boolean {
  const h = hostname.toLowerCase();
  const allowed = host.toLowerCase();
  return h === allowed || h.endsWith(`.${allowed}`);
}

/** The host name of a configured origin (an instance, a stand-in), for safeExternalUrl's list. */
export function hostOf(origin: string | undefined): string[] {
  if (!origin) return [];
  try {
    return [new URL(origin).hostname];
  } catch {
    return [];
  }
}
