// The charter checked in the browser while typing (no round-trip per keystroke): the same pure
// checkPost the server runs on save, fed the charter in force and the chosen campaign.
import { checkPost } from '@cadence/domain/charter/check-post';
import type { CampaignRules, CharterRules, Violation } from '@cadence/domain/charter/schemas';
import type { MediaFacts } from '@cadence/domain/charter/rules/network-rules';
import type { Network } from '@cadence/domain/networks/schemas';
import { useDeferredValue, useMemo } from 'react';
import { type ComposerChannel, type ComposerDraft, isCustomised, mediaFor } from './composer-model';
import type { TextMark } from './mark-segments';
import { messageText } from '../../ui/message-text';

export interface LiveCheckInput {
  draft: ComposerDraft;
  channels: readonly ComposerChannel[];
  charter: CharterRules | undefined;
  campaign: CampaignRules | null;
  timezone: string;
  /** ISO instant the post is meant for, so posting windows and blackouts apply; null skips them. */
  scheduledAt: string | null;
  /** Size and shape of the library items the draft uses, for the networks' media rules. */
  library?: ReadonlyMap<string, Pick<MediaFacts, 'bytes' | 'width' | 'height' | 'durationMs'>>;
}

const NO_CHARTER: CharterRules = { rules: {}, overrides: {} };

function liveViolations({
  draft,
  channels,
  charter,
  campaign,
  timezone,
  scheduledAt,
  library,
}: LiveCheckInput) {
  const byId = new Map(channels.map((c) => [c.id, c]));
  const targets = draft.channelIds.flatMap((channelId) => {
    const channel = byId.get(channelId);
    if (!channel) return [];
    return [
      {
        channelId,
        network: channel.network,
        text: draft.overrides[channel.network],
        mediaCount: mediaFor(draft, channel.network).length,
        mediaKinds: mediaFor(draft, channel.network).map((m) => m.kind),
        mediaItems: mediaFor(draft, channel.network).map((m): MediaFacts => {
          const facts = m.mediaId ? library?.get(m.mediaId) : undefined;
          return facts
            ? {
                kind: m.kind,
                alt: m.alt,
                bytes: facts.bytes,
                width: facts.width,
                height: facts.height,
                durationMs: facts.durationMs,
              }
            : { kind: m.kind, alt: m.alt };
        }),
      },
    ];
  });
  if (targets.length === 0) return [];
  return checkPost({
    text: draft.text,
    targets,
    scheduledAt,
    timezone,
    charter: charter ?? NO_CHARTER,
    campaign,
    otherPosts: [],
  });
}

/** Deferred, so a long text keeps typing smooth and the check catches up a frame later. */
export function useLiveChecks(input: LiveCheckInput): Violation[] {
  const draft = useDeferredValue(input.draft);
  const { channels, charter, campaign, timezone, scheduledAt, library } = input;
  return useMemo(
    () =>
      liveViolations({
        draft,
        channels,
        charter,
        campaign,
        timezone,
        scheduledAt,
        ...(library ? { library } : {}),
      }),
    [draft, channels, charter, campaign, timezone, scheduledAt, library],
  );
}

/**
 * The marks to draw in one tab's text: on a network's tab that network's findings; on Base those of
 * every network still inheriting Base. Same rule and range found on several networks is marked once.
 */
export function marksForTab(
  violations: readonly Violation[],
  draft: ComposerDraft,
  tab: Network | 'base',
  language: string,
): TextMark[] {
  const seen = new Set<string>();
  const out: TextMark[] = [];
  for (const v of violations) {
    if (v.field !== 'text' || !v.range) continue;
    if (tab === 'base' ? v.network !== undefined && isCustomised(draft, v.network) : v.network !== tab)
      continue;
    const message = messageText(v, language);
    const key = `${v.rule}|${v.range.start}|${v.range.end}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ start: v.range.start, end: v.range.end, severity: v.severity, message });
  }
  return out;
}

/** Violations listed once each, for the "Checks" list (same message on two channels counts once). */
export function distinctViolations(violations: readonly Violation[], language: string) {
  const seen = new Map<string, { violation: Violation; message: string }>();
  for (const v of violations) {
    const message = messageText(v, language);
    const key = `${v.rule}|${v.network ?? ''}|${message}`;
    if (!seen.has(key)) seen.set(key, { violation: v, message });
  }
  return [...seen.values()];
}
