import type { UrlEntity } from '../../networks/entities';
import { type Source, verdicts } from '../verdicts';
import type { RuleSet } from '../schemas';
import { type Finding, MAX_FINDINGS_PER_RULE, type TextContext } from './context';

type LinkRule = NonNullable<RuleSet['link']>;

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The host as a URL would carry it (lower case, IDN in punycode), to compare like with like. */
function canonicalHost(domain: string): string {
  return (parse(`http://${domain}`)?.hostname ?? domain.toLowerCase()).replace(/\.$/, '');
}

function allowed(host: string, domains: readonly string[]): boolean {
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

function urlFindings(url: UrlEntity, rule: LinkRule, source: Source, name: string): Finding[] {
  const range = { start: url.start, end: url.end };
  const base = { rule: name, severity: rule.severity, field: 'text', range } as const;
  const parsed = parse(url.url);
  if (!parsed) return [];
  const findings: Finding[] = [];
  const domains = rule.allowedDomains ?? [];
  const host = parsed.hostname.replace(/\.$/, '');
  if (domains.length > 0 && !allowed(host, domains.map(canonicalHost))) {
    findings.push({ ...base, ...verdicts.linkDomain(source, host, domains) });
  }
  const missing = (rule.requiredUtm ?? []).filter((key) => !parsed.searchParams.get(key));
  if (missing.length > 0) findings.push({ ...base, ...verdicts.linkUtm(source, missing) });
  return findings;
}

export function checkLink(ctx: TextContext, rule: LinkRule, source: Source): Finding[] {
  const name = source === 'charter' ? 'link' : 'campaign.link';
  const urls = ctx.analysis.entities.urls;
  if (rule.mode === 'required' && urls.length === 0) {
    return [{ rule: name, severity: rule.severity, field: 'text', ...verdicts.linkRequired(source) }];
  }
  if (rule.mode === 'forbidden') {
    return urls.slice(0, MAX_FINDINGS_PER_RULE).map((u) => ({
      rule: name,
      severity: rule.severity,
      field: 'text',
      ...verdicts.linkForbidden(source),
      range: { start: u.start, end: u.end },
    }));
  }
  return urls.flatMap((u) => urlFindings(u, rule, source, name)).slice(0, MAX_FINDINGS_PER_RULE);
}
