import type { CampaignAdditions, RuleSet } from '../schemas';
import { type Source, verdicts } from '../verdicts';
import { measureText } from '../../networks/count-text';
import { findBannedPhrases } from './banned-phrases';
import { excessRange, type Finding, MAX_FINDINGS_PER_RULE, measureOnce, type TextContext } from './context';
import { foldTerm } from './fold';
import { checkLink } from './link-rule';
import { parsePhrase } from './word-forms';

type Rule<K extends keyof RuleSet> = NonNullable<RuleSet[K]>;

function ruleName(source: Source, name: string): string {
  return source === 'charter' ? name : `campaign.${name}`;
}

export function checkBannedPhrases(ctx: TextContext, rule: Rule<'bannedPhrases'>, source: Source): Finding[] {
  let matches = ctx.phraseMatches.get(rule.phrases);
  if (!matches) {
    matches = findBannedPhrases(ctx.folded, rule.phrases, MAX_FINDINGS_PER_RULE, ctx.budget);
    ctx.phraseMatches.set(rule.phrases, matches);
  }
  return matches.map((m) => ({
    rule: ruleName(source, 'bannedPhrases'),
    severity: rule.severity,
    field: 'text',
    ...verdicts.bannedPhrase(source, parsePhrase(m.phrase).text),
    range: m.range,
  }));
}

export function checkRequiredHashtags(
  ctx: TextContext,
  rule: Rule<'requiredHashtags'>,
  source: Source,
): Finding[] {
  const present = new Set(ctx.analysis.entities.hashtags.map((h) => foldTerm(h.tag)));
  const has = (tag: string) => present.has(foldTerm(tag.replace(/^#/, '')));
  const findings: Finding[] = [];
  const missing = rule.allOf.filter((t) => !has(t));
  const base = {
    rule: ruleName(source, 'requiredHashtags'),
    severity: rule.severity,
    field: 'text',
  } as const;
  if (missing.length > 0) findings.push({ ...base, ...verdicts.missingHashtags(source, missing) });
  if (rule.oneOf.length > 0 && !rule.oneOf.some(has)) {
    findings.push({ ...base, ...verdicts.missingOneOfHashtags(source, rule.oneOf) });
  }
  return findings;
}

export function checkForbiddenHashtags(ctx: TextContext, rule: Rule<'forbiddenHashtags'>): Finding[] {
  const forbidden = new Set(rule.tags.map((t) => foldTerm(t.replace(/^#/, ''))));
  return ctx.analysis.entities.hashtags
    .filter((h) => forbidden.has(foldTerm(h.tag)))
    .slice(0, MAX_FINDINGS_PER_RULE)
    .map((h) => ({
      rule: 'forbiddenHashtags',
      severity: rule.severity,
      field: 'text',
      ...verdicts.forbiddenHashtag(h.tag),
      range: { start: h.start, end: h.end },
    }));
}

const COUNTED = { maxHashtags: 'hashtags', maxMentions: 'mentions', maxEmoji: 'emoji' } as const;

export function checkMaxCount(
  ctx: TextContext,
  name: keyof typeof COUNTED,
  rule: Rule<'maxHashtags'>,
): Finding[] {
  const what = COUNTED[name];
  const items = ctx.analysis.entities[what];
  if (items.length <= rule.max) return [];
  const finding: Finding = {
    rule: name,
    severity: rule.severity,
    field: 'text',
    ...verdicts.tooMany(what, items.length, rule.max),
  };
  const range = excessRange(items, rule.max);
  return [range ? { ...finding, range } : finding];
}

export function checkMaxLength(ctx: TextContext, rule: Rule<'maxLength'>): Finding[] {
  const { count, overflowAt } = measureOnce(ctx, rule.max, () =>
    measureText(ctx.network, ctx.analysis, rule.max),
  );
  if (overflowAt === undefined) return [];
  return [
    {
      rule: 'maxLength',
      severity: rule.severity,
      field: 'text',
      ...verdicts.charterLength(ctx.network, count, rule.max),
      range: { start: overflowAt, end: ctx.analysis.text.length },
    },
  ];
}

/** Every text rule of one effective rule set, then the campaign's additions. */
export function checkTextRules(
  ctx: TextContext,
  rules: RuleSet,
  campaign: CampaignAdditions | null,
): Finding[] {
  const findings: Finding[] = [];
  if (rules.bannedPhrases) findings.push(...checkBannedPhrases(ctx, rules.bannedPhrases, 'charter'));
  if (rules.requiredHashtags) findings.push(...checkRequiredHashtags(ctx, rules.requiredHashtags, 'charter'));
  if (rules.forbiddenHashtags) findings.push(...checkForbiddenHashtags(ctx, rules.forbiddenHashtags));
  for (const name of ['maxHashtags', 'maxMentions', 'maxEmoji'] as const) {
    const rule = rules[name];
    if (rule) findings.push(...checkMaxCount(ctx, name, rule));
  }
  if (rules.maxLength) findings.push(...checkMaxLength(ctx, rules.maxLength));
  if (rules.link) findings.push(...checkLink(ctx, rules.link, 'charter'));
  // A campaign's rules are checked on their own rather than merged, so they can only add
  // constraints: both the charter's and the campaign's must hold.
  if (campaign?.bannedPhrases) findings.push(...checkBannedPhrases(ctx, campaign.bannedPhrases, 'campaign'));
  if (campaign?.requiredHashtags) {
    findings.push(...checkRequiredHashtags(ctx, campaign.requiredHashtags, 'campaign'));
  }
  if (campaign?.link) findings.push(...checkLink(ctx, campaign.link, 'campaign'));
  return findings;
}
