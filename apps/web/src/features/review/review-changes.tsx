// What changed since this reviewer's last decision on the post: a word diff per text that changed,
// the channels whose media changed, and the edits recorded in the history since then.
import { useTranslation } from 'react-i18next';
import { useChannels } from '../channels/channel-queries';
import type { Post, PostEvent } from '../posts/post-queries';
import { mediaKey } from './review-revision';
import { type ReviewSnapshot, textsOf } from './review-snapshot';
import { WordDiff } from './word-diff';

interface ReviewChangesProps {
  workspaceId: string;
  post: Post;
  snapshot: ReviewSnapshot | null;
  history: readonly PostEvent[];
}

export function ReviewChanges({ workspaceId, post, snapshot, history }: ReviewChangesProps) {
  const { t } = useTranslation();
  const channels = useChannels(workspaceId);
  const names = new Map((channels.data ?? []).map((c) => [c.id, c.displayName]));
  const nameOf = (k: string) => (k === 'base' ? t('composer.base') : (names.get(k) ?? k));
  if (!snapshot) return <p className="muted">{t('review.firstReview')}</p>;
  if (snapshot.contentRevision === post.contentRevision)
    return <p className="muted">{t('review.noChangeSince')}</p>;
  const now = textsOf(post);
  const changed = Object.entries(now).filter(([k, text]) => (snapshot.texts[k] ?? '') !== text);
  const edits = history.filter((e) => e.action === 'edited' && e.createdAt > snapshot.decidedAt);
  // Text, media and channels are shown above; the rest by the names the composer gives them.
  const fields = [...new Set(edits.flatMap((e) => fieldsOf(e.details)))]
    .map((f) => FIELD_LABELS[f])
    .filter((key): key is string => key !== undefined)
    .map((key) => t(key));
  const added = Object.keys(now).filter((k) => k !== 'base' && !(k in snapshot.texts));
  const removed = Object.keys(snapshot.texts).filter((k) => k !== 'base' && !(k in now));
  const mediaChanged = snapshot.media ? changedMedia(post, snapshot.media) : [];
  return (
    <div className="review-changes">
      {changed
        .filter(([k, text]) => k === 'base' || text !== now.base || snapshot.texts[k] !== snapshot.texts.base)
        .map(([k, text]) => (
          <div key={k}>
            <h4>{nameOf(k)}</h4>
            <WordDiff before={snapshot.texts[k] ?? ''} after={text} />
          </div>
        ))}
      {added.length > 0 && (
        <p>{t('review.channelsAdded', { names: added.map((k) => names.get(k) ?? k).join(', ') })}</p>
      )}
      {removed.length > 0 && (
        <p>{t('review.channelsRemoved', { names: removed.map((k) => names.get(k) ?? k).join(', ') })}</p>
      )}
      {mediaChanged.length > 0 && (
        <p>{t('review.mediaChanged', { names: mediaChanged.map(nameOf).join(', ') })}</p>
      )}
      {fields.length > 0 && (
        <p className="muted">{t('review.fieldsEdited', { fields: fields.join(', ') })}</p>
      )}
    </div>
  );
}

/** Base if the post's media changed, and each channel whose own list (or inherited one) changed. */
function changedMedia(post: Post, before: Record<string, string>): string[] {
  const base = mediaKey(post.media);
  const out = before.base !== undefined && before.base !== base ? ['base'] : [];
  for (const t of post.targets) {
    const was = before[t.channelId];
    const own = mediaKey(t.media ?? post.media);
    // A channel that follows Base is covered by the Base line.
    if (was !== undefined && was !== own && (t.media !== null || was !== before.base)) out.push(t.channelId);
  }
  return out;
}

// Fields an edit records, as the composer labels them; text, media and targets are not listed.
const FIELD_LABELS: Record<string, string | undefined> = {
  link: 'postControl.fields.link',
  firstComment: 'composer.firstComment',
  campaignId: 'composer.campaign',
  pillarId: 'composer.pillar',
  labels: 'composer.labels',
  requestedSchedule: 'postControl.fields.date',
};

function fieldsOf(details: unknown): string[] {
  if (typeof details !== 'object' || details === null) return [];
  const fields = (details as { fields?: unknown }).fields;
  return Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : [];
}
