import { measureText } from '../../networks/count-text';
import { utf8Length } from '../../networks/graphemes';
import { networkLimits } from '../../networks/limits';
import type { MediaKind } from '../../networks/schemas';
import { type Verdict, verdicts } from '../verdicts';
import { excessRange, type Finding, measureOnce, type TextContext } from './context';

/** What the checker knows of one attachment (library items carry all of it). */
export interface MediaFacts {
  kind: MediaKind;
  bytes?: number | null | undefined;
  width?: number | null | undefined;
  height?: number | null | undefined;
  durationMs?: number | null | undefined;
  alt?: string | undefined;
}

export interface MediaInput {
  mediaCount?: number | undefined;
  mediaKinds?: readonly MediaKind[] | undefined;
  mediaItems?: readonly MediaFacts[] | undefined;
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
      ...verdicts.networkLength(ctx.network, count, limits.maxLength),
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
        ...verdicts.networkBytes(ctx.network, bytes, limits.maxBytes),
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
      ...verdicts.networkCount(ctx.network, what, items.length, max),
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
  const kinds = media.mediaKinds ?? media.mediaItems?.map((item) => item.kind) ?? [];
  const rawCount = media.mediaCount ?? kinds.length;
  const count = Number.isFinite(rawCount) ? Math.max(rawCount, kinds.length, 0) : kinds.length;
  const findings: Finding[] = [];
  const add = (rule: string, verdict: Verdict) =>
    findings.push({ rule: `network.${rule}`, severity, field: 'media', ...verdict });
  if (limits.required && count === 0) add('mediaRequired', verdicts.mediaRequired(ctx.network));
  if (count > limits.maxItems) add('maxMedia', verdicts.mediaCount(ctx.network, count, limits.maxItems));
  for (const kind of new Set(kinds)) {
    if (!limits.kinds.includes(kind)) add('mediaKind', verdicts.mediaKind(ctx.network, kind));
  }
  const moving = kinds.filter((k) => k === 'video' || k === 'gif').length;
  if (limits.videoAlone && moving > 0 && count > 1) add('videoAlone', verdicts.videoAlone(ctx.network));
  (media.mediaItems ?? []).forEach((item, index) => {
    for (const [rule, verdict] of itemProblems(ctx.network, limits, item)) {
      findings.push({ rule: `network.${rule}`, severity, field: 'media', item: index, ...verdict });
    }
  });
  return findings;
}

function itemProblems(
  network: TextContext['network'],
  limits: ReturnType<typeof networkLimits>['media'],
  item: MediaFacts,
): [string, Verdict][] {
  const problems: [string, Verdict][] = [];
  const video = item.kind === 'video';
  const maxBytes = video ? limits.videoMaxBytes : limits.imageMaxBytes;
  if (maxBytes !== undefined && item.bytes != null && item.bytes > maxBytes) {
    problems.push(['mediaBytes', verdicts.mediaBytes(network, item.bytes, maxBytes)]);
  }
  if (!video && limits.imageAspect && item.width && item.height) {
    const aspect = item.width / item.height;
    // A pixel of rounding is tolerated: 1080 x 1350 is exactly 4:5, 1080 x 1351 is not meant to fail.
    const slack = 1 / item.height;
    if (aspect < limits.imageAspect.min - slack || aspect > limits.imageAspect.max + slack) {
      problems.push([
        'mediaAspect',
        verdicts.mediaAspect(network, limits.imageAspect.min, limits.imageAspect.max),
      ]);
    }
  }
  if (
    video &&
    limits.videoMaxSeconds !== undefined &&
    item.durationMs != null &&
    item.durationMs > limits.videoMaxSeconds * 1000
  ) {
    problems.push([
      'videoLength',
      verdicts.videoLength(network, Math.ceil(item.durationMs / 1000), limits.videoMaxSeconds),
    ]);
  }
  return problems;
}

/** The charter's alt-text rule: each attachment without a description is one finding. */
export function checkAltText(
  media: MediaInput,
  rule: { severity: Finding['severity'] } | null | undefined,
): Finding[] {
  if (!rule) return [];
  return (media.mediaItems ?? []).flatMap((item, index) =>
    item.alt !== undefined && item.alt.trim() === ''
      ? [
          {
            rule: 'altText',
            severity: rule.severity,
            field: 'media' as const,
            item: index,
            ...verdicts.altTextMissing(),
          },
        ]
      : [],
  );
}

export function checkNetworkLimits(ctx: TextContext, media: MediaInput): Finding[] {
  return [...textLimits(ctx), ...mediaLimits(ctx, media)];
}
