// Which addresses Cadence may call when a user typed the URL (SECURITY.md item 7). Only ordinary
// public unicast addresses pass: loopback, private, link-local (cloud metadata lives at
// 169.254.169.254), unique-local, carrier-grade NAT, multicast, reserved and the IPv6 forms that
// embed an IPv4 address (mapped, 6to4, NAT64) are refused.
import ipaddr from 'ipaddr.js';

export function isForbiddenAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() !== 'unicast';
}

/** A hostname that is an IP literal, without IPv6 brackets; null for a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}
