// Judges an address a person types (a webhook URL, a Mastodon instance, a Bluesky PDS) when it is
// saved, so a channel that can never publish (its address is private, or would carry a token in
// clear) is refused with the field named, instead of being shown "connected" and failing at its
// first post. safeRequest still checks every address at send time: DNS may answer differently
// later, and this check accepts a name that does not resolve yet.
import { lookup } from 'node:dns/promises';
import { invalidField } from '@cadence/domain/errors';
import type { Network } from '@cadence/domain/networks/schemas';
import { NetworkError } from './errors';
import { ipLiteral, isForbiddenAddress } from './ip-policy';

export interface OutgoingUrlPolicy {
  /** ALLOW_PRIVATE_NETWORK_URLS: tests and local development call loopback stand-ins. */
  allowPrivateNetworkUrls: boolean;
  /** NETWORK_BASE_URLS: a network sent to a local stand-in is in development, http is fine. */
  baseUrls: Partial<Record<string, string>>;
  /** Every address a name resolves to; tests replace the system resolver. */
  resolve?: (hostname: string) => Promise<string[]>;
}

export interface UrlRule {
  /** Tokens or passwords travel to this address: plain http would send them in clear. */
  carriesSecrets: boolean;
  /** Whose stand-in (NETWORK_BASE_URLS) makes http acceptable. */
  network: Network;
}

const RESOLVE_TIMEOUT_MS = 3000;

const systemResolve = async (hostname: string) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** Why an address cannot be saved: a code the web app translates, and words for API clients. */
export type UrlProblemReason = 'not_a_url' | 'not_http' | 'needs_https' | 'private_address';
export interface UrlProblem {
  reason: UrlProblemReason;
  message: string;
}

const PROBLEMS: Record<UrlProblemReason, UrlProblem> = {
  not_a_url: { reason: 'not_a_url', message: 'is not a URL' },
  not_http: { reason: 'not_http', message: 'must start with https://' },
  needs_https: {
    reason: 'needs_https',
    message: 'must start with https:// (over http the token or password would travel in clear)',
  },
  private_address: {
    reason: 'private_address',
    message: 'points to a private or reserved network address, which Cadence does not call',
  },
};

/** Why this address cannot be saved; null when it can. */
export async function outgoingUrlProblem(
  raw: string,
  rule: UrlRule,
  policy: OutgoingUrlPolicy,
): Promise<UrlProblem | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return PROBLEMS.not_a_url;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return PROBLEMS.not_http;
  const developing = policy.allowPrivateNetworkUrls || policy.baseUrls[rule.network] !== undefined;
  if (url.protocol === 'http:' && rule.carriesSecrets && !developing) return PROBLEMS.needs_https;
  if (policy.allowPrivateNetworkUrls) return null;
  const privateAddress = PROBLEMS.private_address;
  const literal = ipLiteral(url.hostname);
  if (literal) return isForbiddenAddress(literal) ? privateAddress : null;
  // RFC 6761: every *.localhost name is loopback, whatever DNS says.
  const host = url.hostname.replace(/\.$/, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return privateAddress;
  const addresses = await resolveWithin(policy.resolve ?? systemResolve, host);
  return addresses.some(isForbiddenAddress) ? privateAddress : null;
}

// A name that does not resolve (yet) or a slow resolver is not a reason to refuse: the send-time
// check judges the addresses it actually connects to.
async function resolveWithin(resolve: (hostname: string) => Promise<string[]>, host: string) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string[]>((done) => {
    timer = setTimeout(() => done([]), RESOLVE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([resolve(host).catch(() => []), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The credential fields that hold an address Cadence calls, per network. */
const CREDENTIAL_URLS: Partial<Record<Network, { key: string; carriesSecrets: boolean }>> = {
  // The webhook secret never travels (only an HMAC of the body), so http stays allowed there.
  webhook: { key: 'url', carriesSecrets: false },
  mastodon: { key: 'instanceUrl', carriesSecrets: true },
  bluesky: { key: 'service', carriesSecrets: true },
};

/** Checks the address inside a channel's credentials; the problem names the credential key. */
export function channelCredentialUrlGuard(policy: OutgoingUrlPolicy) {
  return async (
    network: Network,
    credentials: Record<string, string>,
  ): Promise<({ key: string } & UrlProblem) | null> => {
    const field = CREDENTIAL_URLS[network];
    const value = field ? credentials[field.key] : undefined;
    if (!field || value === undefined) return null;
    const problem = await outgoingUrlProblem(
      value,
      { carriesSecrets: field.carriesSecrets, network },
      policy,
    );
    return problem ? { key: field.key, ...problem } : null;
  };
}

/** For the connect forms: refuses the typed address with a 422 naming the body field. */
export async function assertOutgoingUrl(
  field: string,
  value: string,
  rule: UrlRule,
  policy: OutgoingUrlPolicy,
): Promise<void> {
  const problem = await outgoingUrlProblem(value, rule, policy);
  if (problem) {
    throw invalidField(field, problem.reason, {}, 'unprocessable');
  }
}

/**
 * At send time, for networks whose calls carry a token or password: a stored http address (saved
 * before https was required) is refused as needing a reconnect, unless in development.
 */
export function assertSecureAtSend(url: string, what: string, options: { allowPrivateNetworkUrls: boolean }) {
  if (options.allowPrivateNetworkUrls || !url.startsWith('http://')) return;
  throw new NetworkError(
    'auth_revoked',
    `The ${what} address must use https (over http the credentials would travel in clear): reconnect the channel`,
  );
}
