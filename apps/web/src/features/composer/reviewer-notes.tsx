// The reviewer's comments beside the text: what a manager asked to change, so the writer edits with
// the request in view instead of hunting for it on another page.
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../ui/time';
import { usePostHistory } from '../posts/post-queries';
import { usePeople } from '../posts/use-people';

export function ReviewerNotes({
  workspaceId,
  postId,
  timeZone,
}: {
  workspaceId: string;
  postId: string;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const history = usePostHistory(workspaceId, postId);
  const nameOf = usePeople(workspaceId);
  const requests = (history.data ?? [])
    .filter((e) => e.action === 'changes_requested' && e.comment)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    .slice(0, 3);
  if (requests.length === 0) return null;
  return (
    <section className="reviewer-notes banner banner-info" aria-labelledby="reviewer-notes-title">
      <h2 id="reviewer-notes-title">{t('postControl.reviewerNotes')}</h2>
      <ul>
        {requests.map((e) => (
          <li key={e.id}>
            <p className="reviewer-note-text">{e.comment}</p>
            <p className="muted small">
              {nameOf(e.actor)} · {formatTime(e.createdAt, i18n.language, timeZone)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
