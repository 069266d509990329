// Which addresses Cadence may call when a user typed the URL (docs/security.md, "Outgoing
// requests"). An allow-list, not a deny-list: an IPv4 address passes only if ipaddr.js finds it in
// no special range (loopback, private, link-local where cloud metadata lives, CGNAT, reserved...);
// an IPv6 address passes only inside global unicast 2000::/3 and outside every special range
// there (6to4, Teredo, documentation...). So every form that embeds an IPv4 address without
// being it is refused: IPv4-compatible ::a.b.c.d (::/96), NAT64 64:ff9b::/96, IPv4-translated
// ::ffff:0:a.b.c.d, 6to4 2002::/16. IPv4-mapped ::ffff:a.b.c.d is judged as the IPv4 address it
// is, since the socket connects to exactly that address.
import ipaddr from 'ipaddr.js';

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

// A verdict depends only on the string: the publisher asks it for every call to the same few hosts.
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 1000;

export function isForbiddenAddress(address: string): boolean {
  let verdict = verdicts.get(address);
  if (verdict === undefined) {
    verdict = judge(address);
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(address, verdict);
  }
  return verdict;
}

function judge(address: string): boolean {
  const canonical = canonicalIp(address);
  if (canonical === null) return true;
  const parsed = ipaddr.parse(canonical);
  if (parsed.kind() === 'ipv4') return parsed.range() !== 'unicast';
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().range() !== 'unicast';
  return !v6.match(GLOBAL_UNICAST_V6) || v6.range() !== 'unicast';
}

// ipaddr.js 2.5 reads "::a.b.c.d" as the IPv4-mapped "::ffff:a.b.c.d", which would judge an
// IPv4-compatible address as the IPv4 one it embeds. The WHATWG URL parser (what undici connects
// with) writes every IPv6 address in hex first, so the policy sees the address actually dialled.
function canonicalIp(address: string): string | null {
  if (!address.includes(':')) return ipaddr.IPv4.isValidFourPartDecimal(address) ? address : null;
  let host: string;
  try {
    host = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
  return ipaddr.IPv6.isValid(host) ? host : null;
}

/** A hostname that is an IP literal, without IPv6 brackets; null for a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}
