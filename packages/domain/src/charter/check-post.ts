import { Info } from 'luxon';
import { analyseText, type TextAnalysis } from '../networks/analyse-text';
import type { Measure } from '../networks/count-text';
import type { MediaKind, Network } from '../networks/schemas';
import { unprocessable } from '../errors';
import { verdicts } from './verdicts';
import { campaignAdditionsAt, instantMillis, localTime, rulesForNetwork } from './resolve-rules';
import type { PhraseMatch } from './rules/banned-phrases';
import { type CheckBudget, CheckTooCostly, checkBudget, spend } from './rules/check-budget';
import type { Finding, TextContext } from './rules/context';
import { type FoldedText, fold } from './rules/fold';
import { checkAltText, checkNetworkLimits, type MediaFacts } from './rules/network-rules';
import { checkScheduleRules, type PostSlot, postSlot } from './rules/schedule-rules';
import { checkTextRules } from './rules/text-rules';
import type { CampaignRules, CharterRules, Violation } from './schemas';

export interface PostTarget {
  channelId: string;
  network: Network;
  /** This network's own version of the text, when it differs from the main one. */
  text?: string | undefined;
  mediaCount?: number | undefined;
  mediaKinds?: readonly MediaKind[] | undefined;
  /** Size, shape, length and alt text of each attachment, when known (library items). */
  mediaItems?: readonly MediaFacts[] | undefined;
}

export interface OtherPost {
  channelId: string;
  /** ISO instant. */
  scheduledAt: string;
  postId?: string | undefined;
}

export interface CheckPostInput {
  text: string;
  targets: readonly PostTarget[];
  /** ISO instant; absent or null for a post not yet scheduled, which skips the schedule rules. */
  scheduledAt?: string | null | undefined;
  /** IANA zone of the workspace, in which windows, dates, days and weeks are read. */
  timezone: string;
  charter: CharterRules;
  campaign?: CampaignRules | null | undefined;
  /** Other scheduled posts on the same channels. */
  otherPosts: readonly OtherPost[];
  /** This post's id, so that it is not counted twice if it also appears in `otherPosts`. */
  postId?: string | undefined;
  /**
   * 'schedule' checks only the schedule rules (windows, blackouts, caps, spacing): for a post whose
   * text was already checked under this same charter, e.g. by the publisher at send time.
   */
  scope?: 'all' | 'schedule' | undefined;
}

/**
 * Checks one post against its networks' hard limits, the workspace charter (with each network's
 * overrides) and, when scheduled within its dates, its campaign. Pure: same input, same output;
 * never throws, so a broken charter or odd text cannot stop the composer or the publisher.
 */
export function checkPost(input: CheckPostInput): Violation[] {
  try {
    return check(input);
  } catch (error) {
    // Not a failure of the checker but a verdict on the input: the edge refuses it with a 422.
    if (error instanceof CheckTooCostly) {
      return [{ rule: TOO_COSTLY, severity: 'block', field: 'text', ...verdicts.checkTooCostly() }];
    }
    // Every known path is handled; this net keeps the promise for the unknown ones.
    return [
      {
        rule: 'checker.failed',
        severity: 'block',
        field: 'text',
        ...verdicts.checkFailed(),
      },
    ];
  }
}

/** The rule of the one violation a check returns when its texts are too long to check. */
export const TOO_COSTLY = 'checker.tooCostly';

/**
 * Refuses, as a 422 naming the text, a check whose texts were too long to check: a verdict the
 * caller can act on, where a violation would leave the post saved but unverifiable.
 */
export function assertCheckable(violations: readonly Violation[]): void {
  if (violations.some((v) => v.rule === TOO_COSTLY)) {
    throw unprocessable(
      'charter.checkTooCostly',
      {},
      {
        field: 'text',
        violations: violations.filter((v) => v.rule === TOO_COSTLY),
      },
    );
  }
}

export function hasBlocking(violations: readonly Violation[]): boolean {
  return violations.some((v) => v.severity === 'block');
}

function check(input: CheckPostInput): Violation[] {
  const violations: Violation[] = [];
  const post = resolveSchedule(input, violations);
  const campaign = campaignAdditionsAt(input.campaign, post?.at ?? null);
  const others = post ? otherInstants(input) : new Map<string, number[]>();
  // Targets often share the main text: analyse each distinct text once, and scan it once per
  // phrase list, within one budget for the whole check.
  const budget = checkBudget();
  if (input.scope !== 'schedule') assertAffordable(input, campaign !== null, budget);
  const analysed = new Map<
    string,
    {
      analysis: TextAnalysis;
      folded: FoldedText;
      phraseMatches: Map<readonly string[], PhraseMatch[]>;
      measures: Map<string, Measure>;
    }
  >();
  for (const target of input.targets) {
    if (input.scope === 'schedule') {
      if (!post) continue;
      const rules = rulesForNetwork(input.charter, target.network);
      const findings = checkScheduleRules({ post, others: others.get(target.channelId) ?? [] }, rules);
      for (const f of findings)
        violations.push({ ...f, network: target.network, channelId: target.channelId });
      continue;
    }
    const text = target.text ?? input.text;
    let shared = analysed.get(text);
    if (!shared) {
      spend(budget, text.length);
      shared = {
        analysis: analyseText(text),
        folded: fold(text),
        phraseMatches: new Map(),
        measures: new Map(),
      };
      analysed.set(text, shared);
    }
    const ctx: TextContext = { ...shared, budget, network: target.network };
    const rules = rulesForNetwork(input.charter, target.network);
    const findings: Finding[] = [
      ...checkNetworkLimits(ctx, target),
      ...checkAltText(target, rules.altText),
      ...checkTextRules(ctx, rules, campaign),
    ];
    if (post)
      findings.push(...checkScheduleRules({ post, others: others.get(target.channelId) ?? [] }, rules));
    for (const f of findings) violations.push({ ...f, network: target.network, channelId: target.channelId });
  }
  return violations;
}

// Luxon answers by building an Intl.DateTimeFormat each time, which was a tenth of a check.
const zoneValidity = new Map<string, boolean>();
function isValidZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = Info.isValidIANAZone(zone);
    // Zones are a few hundred names; anything else is junk that need not be remembered.
    if (zoneValidity.size < 1_000) zoneValidity.set(zone, valid);
  }
  return valid;
}

/**
 * Refuses before any work a check whose distinct texts cannot fit the budget: each is analysed
 * once and scanned once per phrase list (the charter's, a campaign's), at least a step a character
 * each time. Without this, nine different 100,000-character texts were analysed one by one until
 * the budget ran out, holding the event loop all that time.
 */
function assertAffordable(input: CheckPostInput, withCampaign: boolean, budget: CheckBudget): void {
  const texts = new Set(input.targets.map((t) => t.text ?? input.text));
  const passes = 2 + (withCampaign ? 1 : 0);
  let least = 0;
  for (const text of texts) least += text.length * passes;
  if (least > budget.left) throw new CheckTooCostly();
}

function resolveSchedule(input: CheckPostInput, violations: Violation[]): PostSlot | null {
  if (input.scheduledAt === null || input.scheduledAt === undefined) return null;
  const base = { severity: 'block', field: 'schedule' } as const;
  if (!isValidZone(input.timezone)) {
    const zone = String(input.timezone).slice(0, 64);
    violations.push({ ...base, rule: 'schedule.timezone', ...verdicts.invalidTimezone(zone) });
    return null;
  }
  const at = localTime(input.scheduledAt, input.timezone);
  if (!at) violations.push({ ...base, rule: 'schedule.invalidDate', ...verdicts.invalidDate() });
  return at ? postSlot(at) : null;
}

/** The other posts of the targeted channels, by channel; unreadable dates are left out. */
function otherInstants(input: CheckPostInput): Map<string, number[]> {
  const channels = new Set(input.targets.map((t) => t.channelId));
  const byChannel = new Map<string, number[]>();
  for (const other of input.otherPosts) {
    if (!channels.has(other.channelId)) continue;
    if (input.postId !== undefined && other.postId === input.postId) continue;
    const millis = instantMillis(other.scheduledAt);
    if (millis === null) continue;
    const list = byChannel.get(other.channelId) ?? [];
    list.push(millis);
    byChannel.set(other.channelId, list);
  }
  return byChannel;
}
