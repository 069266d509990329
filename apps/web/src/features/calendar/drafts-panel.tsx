// Undated posts (drafts and approved ones) to drag onto the calendar: a manager's drop schedules
// when the approval rule allows, an editor's proposes that time. Dated ones are on the calendar
// itself. A card dragged back here comes off the calendar (calendar-page.tsx). Each also opens in
// the composer, the keyboard way to give it a time.
import { Draggable } from '@fullcalendar/interaction';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, Loading } from '../../ui/states';
import { usePostList } from '../posts/post-queries';

export function DraftsPanel({ workspaceId, canSchedule }: { workspaceId: string; canSchedule: boolean }) {
  const { t } = useTranslation();
  const drafts = usePostList(workspaceId, { status: 'draft' });
  const approved = usePostList(workspaceId, { status: 'approved' });
  const [search, setSearch] = useState('');
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    // Editors drag too (the panel shows only to writers): their drop proposes the time.
    if (!listRef.current) return;
    const draggable = new Draggable(listRef.current, {
      itemSelector: '[data-post-id]',
      // create: false — the calendar shows the post once the server has scheduled it.
      eventData: (el) => ({ title: el.dataset.title ?? '', create: false, duration: '00:30' }),
    });
    return () => draggable.destroy();
  }, []);

  const items = [...(approved.data ?? []), ...(drafts.data ?? [])]
    .filter((p) => !p.schedule)
    .filter((p) => p.text.toLowerCase().includes(search.toLowerCase()));
  return (
    <aside className="drafts-panel" aria-labelledby="drafts-title">
      <h2 id="drafts-title">
        {t('calendar.drafts.title')} <span className="muted">({items.length})</span>
      </h2>
      <input
        type="search"
        className="drafts-search"
        placeholder={t('calendar.drafts.search')}
        aria-label={t('calendar.drafts.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <p className="muted small">
        {t(canSchedule ? 'calendar.drafts.hint' : 'postControl.draftsHintEditor')}
      </p>
      {drafts.isPending || approved.isPending ? (
        <Loading />
      ) : drafts.isError ? (
        <ErrorState error={drafts.error} onRetry={() => void drafts.refetch()} />
      ) : items.length === 0 ? (
        <p className="muted">{t('calendar.drafts.empty')}</p>
      ) : null}
      <ul className="drafts-list" ref={listRef}>
        {items.map((p) => (
          <li key={p.id} className="draft-item" data-post-id={p.id} data-title={p.text.slice(0, 60)}>
            <span className={`pill pill-${p.status}`}>{t(`status.${p.status}`)}</span>
            <Link to={`/posts/${p.id}/edit`} className="draft-text">
              {p.text.split('\n')[0] || t('review.noText')}
            </Link>
          </li>
        ))}
      </ul>
    </aside>
  );
}
