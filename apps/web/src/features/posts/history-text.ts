// One history entry in words, in the reader's language: the API sends who (a person, a token, the
// publisher), an event code with its parameters and the target it concerns; the sentence comes from
// the catalogue (history.events.*), never from the server.
import type { TFunction } from 'i18next';
import { formatTime } from '../../ui/time';
import type { PostEvent } from './post-queries';

const FIELDS = new Set([
  'text',
  'media',
  'link',
  'firstComment',
  'targets',
  'campaignId',
  'pillarId',
  'labels',
]);

// Failure kinds the publisher records (packages/domain publishing/failure.ts), worded in the catalogue.
const KINDS = new Set(['permanent', 'auth_revoked', 'transient', 'rate_limited']);

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** "Marie", "API token “CI”", "The publisher"; a person since deleted is "A former member". */
function whoDid(entry: PostEvent, t: TFunction): string {
  const { actor } = entry;
  if (actor.kind === 'publisher') return t('history.who.publisher');
  if (actor.kind === 'token') {
    return actor.name ? t('history.who.token', { name: actor.name }) : t('history.who.someToken');
  }
  return actor.name ?? t('history.who.formerMember');
}

function fieldList(fields: unknown, t: TFunction, language: string): string {
  const names = (Array.isArray(fields) ? fields : [])
    .map(str)
    .map((f) => (FIELDS.has(f) ? t(`history.fields.${f}`) : t('history.fields.other')));
  const unique = [...new Set(names)];
  if (unique.length === 0) return t('history.fields.other');
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(unique);
}

export function historyText(entry: PostEvent, t: TFunction, language: string, timeZone: string): string {
  const p = entry.params;
  const who = whoDid(entry, t);
  const channel = entry.target?.channelName ?? '';
  const at = str(p.at) ? formatTime(str(p.at), language, timeZone) : '';
  switch (entry.event) {
    case 'edited':
      return t(
        entry.toStatus !== entry.fromStatus ? 'history.events.editedBackToReview' : 'history.events.edited',
        {
          who,
          fields: fieldList(p.fields, t, language),
        },
      );
    case 'scheduled':
      return p.publishNow === true
        ? t('history.events.publishNow', { who })
        : t('history.events.scheduled', { who, at });
    case 'rescheduled':
      return t('history.events.rescheduled', { who, at });
    case 'publishing.status_changed':
      return t('history.events.publishing_status_changed', {
        who,
        status: entry.toStatus ? t(`status.${entry.toStatus}`) : '',
      });
    default: {
      const key = `history.events.${entry.event.replaceAll('.', '_')}`;
      const kind = KINDS.has(str(p.kind)) ? str(p.kind) : 'other';
      const params = { who, channel, attempt: p.attempt ?? '', why: t(`history.failureKinds.${kind}`) };
      return t([key, 'history.events.other'], params);
    }
  }
}

/**
 * What the network itself answered, for a target step that failed or was held: its own words (often
 * English), shown as text beside the sentence, never instead of it.
 */
export function networkReason(entry: PostEvent, t: TFunction): string | null {
  const reason = entry.target ? str(entry.params.reason) : '';
  return reason ? t('history.networkSaid', { reason }) : null;
}

/**
 * Comments placed among the history by time, the history kept in the server's order: the server
 * puts a post's new status after the target outcomes that caused it, though it is stamped a few
 * milliseconds earlier.
 */
export function mergeByTime<T extends { at: string }>(comments: readonly T[], events: readonly T[]): T[] {
  const pending = [...comments].sort((a, b) => a.at.localeCompare(b.at));
  const out: T[] = [];
  for (const event of events) {
    while (pending[0] && pending[0].at < event.at) out.push(pending.shift() as T);
    out.push(event);
  }
  return [...out, ...pending];
}
