// What each charter verdict says, as a message code of the shared catalogue (packages/messages)
// and its parameters: the domain never builds a sentence, the API and the web app word it in the
// reader's language. Parameters stay plain JSON (ids, numbers, ISO days) so they travel in answers.
import type { MessageCode, MessageParams, MessageRef } from '@cadence/messages';
import type { DateTime } from 'luxon';
import type { MediaKind, Network } from '../networks/schemas';

export type Source = 'charter' | 'campaign';

/** A verdict always carries its parameters (an empty object when it has none), as the wire schema says. */
export type Verdict = Required<MessageRef>;

const say = (messageCode: MessageCode & `charter.${string}`, params: MessageParams = {}): Verdict => ({
  messageCode,
  params,
});
const isoDay = (day: DateTime) => day.toISODate() ?? '';
const bare = (tags: readonly string[]): string[] => tags.map((t) => t.replace(/^#/, ''));

export const verdicts = {
  checkTooCostly: () => say('charter.checkTooCostly'),
  checkFailed: () => say('charter.checkFailed'),
  networkLength: (network: Network, count: number, max: number) =>
    say('charter.networkLength', { network, count, max }),
  networkBytes: (network: Network, bytes: number, max: number) =>
    say('charter.networkBytes', { network, count: bytes, max }),
  mediaRequired: (network: Network) => say('charter.mediaRequired', { network }),
  mediaCount: (network: Network, count: number, max: number) =>
    say('charter.mediaCount', { network, count, max }),
  mediaKind: (network: Network, kind: MediaKind) => say('charter.mediaKind', { network, kind }),
  mediaBytes: (network: Network, bytes: number, max: number) =>
    say('charter.mediaBytes', { network, bytes, max }),
  mediaAspect: (network: Network, min: number, max: number) =>
    say('charter.mediaAspect', { network, min, max }),
  videoLength: (network: Network, seconds: number, max: number) =>
    say('charter.videoLength', { network, count: seconds, max }),
  altTextMissing: () => say('charter.altTextMissing'),
  videoAlone: (network: Network) => say('charter.videoAlone', { network }),
  networkCount: (network: Network, what: 'hashtags' | 'mentions' | 'links', count: number, max: number) =>
    say('charter.networkCount', { network, what, count, max }),
  bannedPhrase: (source: Source, phrase: string) => say('charter.bannedPhrase', { source, phrase }),
  missingHashtags: (source: Source, tags: readonly string[]) =>
    say('charter.missingHashtags', { source, tags: bare(tags) }),
  missingOneOfHashtags: (source: Source, tags: readonly string[]) =>
    say('charter.missingOneOfHashtags', { source, tags: bare(tags) }),
  forbiddenHashtag: (tag: string) => say('charter.forbiddenHashtag', { tag }),
  tooMany: (what: 'hashtags' | 'mentions' | 'emoji', count: number, max: number) =>
    say('charter.tooMany', { what, count, max }),
  charterLength: (network: Network, count: number, max: number) =>
    say('charter.charterLength', { network, count, max }),
  linkRequired: (source: Source) => say('charter.linkRequired', { source }),
  linkForbidden: (source: Source) => say('charter.linkForbidden', { source }),
  linkDomain: (source: Source, host: string, domains: readonly string[]) =>
    say('charter.linkDomain', { source, host, domains: [...domains] }),
  linkUtm: (source: Source, missing: readonly string[]) =>
    say('charter.linkUtm', { source, missing: [...missing] }),
  /** `at` is in the workspace's zone: the weekday and time are the ones its people read. */
  outsideWindows: (at: DateTime, windows: readonly { start: string; end: string }[]) =>
    windows.length === 0
      ? say('charter.noPostingOnDay', { weekday: at.weekday })
      : say('charter.outsideWindows', {
          weekday: at.weekday,
          time: at.toFormat('HH:mm'),
          windows: windows.map((w) => `${w.start}–${w.end}`),
        }),
  blackout: (day: DateTime, reason: string | undefined) =>
    reason
      ? say('charter.blackoutWithReason', { day: isoDay(day), reason })
      : say('charter.blackout', { day: isoDay(day) }),
  perDay: (day: DateTime, count: number, max: number) =>
    say('charter.perDay', { day: isoDay(day), count, max }),
  perWeek: (day: DateTime, count: number, max: number) =>
    say('charter.perWeek', { week: day.weekNumber, weekYear: day.weekYear, count, max }),
  spacing: (minutesApart: number, min: number) => say('charter.spacing', { count: minutesApart, min }),
  invalidDate: () => say('charter.invalidDate'),
  invalidTimezone: (zone: string) => say('charter.invalidTimezone', { zone }),
};
