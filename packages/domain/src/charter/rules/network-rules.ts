import { measureText } from '../../networks/count-text';
import { utf8Length } from '../../networks/graphemes';
import { networkLimits } from '../../networks/limits';
import type { MediaKind } from '../../networks/schemas';
import { messages } from '../messages';
import { excessRange, type Finding, measureOnce, type TextContext } from './context';

export interface MediaInput {
  mediaCount?: number | undefined;
  mediaKinds?: readonly MediaKind[] | undefined;
}

// The network would refuse the post outright, so these always block whatever the charter says.
const severity = 'block' as const;

function textLimits(ctx: TextContext): Finding[] {
  const limits = networkLimits(ctx.network);
  const findings: Finding[] = [];
  const { count, overflowAt } = measureOnce(ctx, limits.maxLength, () =>
    measureText(ctx.network, ctx.analysis, limits.maxLength),
  );
  if (overflowAt !== undefined) {
    findings.push({
      rule: 'network.maxLength',
      severity,
      field: 'text',
      message: messages.networkLength(ctx.network, count, limits.maxLength),
      range: { start: overflowAt, end: ctx.analysis.text.length },
    });
  }
  if (limits.maxBytes !== undefined) {
    const bytes = utf8Length(ctx.analysis.text);
    if (bytes > limits.maxBytes) {
      findings.push({
        rule: 'network.maxBytes',
        severity,
        field: 'text',
        message: messages.networkBytes(ctx.network, bytes, limits.maxBytes),
      });
    }
  }
  const counted = [
    ['maxHashtags', 'hashtags', limits.maxHashtags, ctx.analysis.entities.hashtags],
    ['maxMentions', 'mentions', limits.maxMentions, ctx.analysis.entities.mentions],
    // Threads counts distinct URLs: the same link twice is one link.
    ['maxLinks', 'links', limits.maxLinks, uniqueBy(ctx.analysis.entities.urls, (u) => u.url)],
  ] as const;
  for (const [rule, what, max, items] of counted) {
    if (max === undefined || items.length <= max) continue;
    const range = excessRange(items, max);
    findings.push({
      rule: `network.${rule}`,
      severity,
      field: 'text',
      message: messages.networkCount(ctx.network, what, items.length, max),
      ...(range ? { range } : {}),
    });
  }
  return findings;
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}

function mediaLimits(ctx: TextContext, media: MediaInput): Finding[] {
  const limits = networkLimits(ctx.network).media;
  const kinds = media.mediaKinds ?? [];
  const rawCount = media.mediaCount ?? kinds.length;
  const count = Number.isFinite(rawCount) ? Math.max(rawCount, kinds.length, 0) : kinds.length;
  const findings: Finding[] = [];
  const add = (rule: string, message: Finding['message']) =>
    findings.push({ rule: `network.${rule}`, severity, field: 'media', message });
  if (limits.required && count === 0) add('mediaRequired', messages.mediaRequired(ctx.network));
  if (count > limits.maxItems) add('maxMedia', messages.mediaCount(ctx.network, count, limits.maxItems));
  for (const kind of new Set(kinds)) {
    if (!limits.kinds.includes(kind)) add('mediaKind', messages.mediaKind(ctx.network, kind));
  }
  const moving = kinds.filter((k) => k === 'video' || k === 'gif').length;
  if (limits.videoAlone && moving > 0 && count > 1) add('videoAlone', messages.videoAlone(ctx.network));
  return findings;
}

export function checkNetworkLimits(ctx: TextContext, media: MediaInput): Finding[] {
  return [...textLimits(ctx), ...mediaLimits(ctx, media)];
}
