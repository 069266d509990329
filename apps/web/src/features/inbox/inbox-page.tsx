// /inbox: what the community says across channels, and one conversation beside the list (on a
// phone, the conversation takes the screen with a way back). State in the URL (?item=, filters).
// Keyboard as in the review inbox: J/K next/previous, E done (editors), ? lists them.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { roleAtLeast } from '../../ui/roles';
import { useIsPhone } from '../../ui/use-media-query';
import { useCampaigns } from '../campaigns/campaign-queries';
import { useChannels } from '../channels/channel-queries';
import { useCurrentWorkspace } from '../session/current-workspace';
import { useMembers } from '../settings/member-queries';
import { InboxConversation } from './inbox-conversation';
import { InboxFilters } from './inbox-filters';
import { InboxList } from './inbox-list';
import { InboxPendingReplies } from './inbox-pending-replies';
import { filterFromParams } from './inbox-params';
import { useChangeItem, useInboxCounts, useInboxItems } from './inbox-queries';
import { SavedRepliesDialog } from './saved-replies-dialog';
import './inbox.css';

export function InboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { workspace } = useCurrentWorkspace();
  const isPhone = useIsPhone();
  const canTriage = roleAtLeast(workspace.role, 'editor');
  const filter = useMemo(() => filterFromParams(params), [params]);
  const query = useInboxItems(workspace.id, filter);
  const counts = useInboxCounts(workspace.id);
  const channels = useChannels(workspace.id).data ?? [];
  const campaigns = useCampaigns(workspace.id).data ?? [];
  const members = useMembers(workspace.id).data ?? [];
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const channelNames = useMemo(() => new Map(channels.map((c) => [c.id, c.displayName])), [channels]);
  const memberNames = useMemo(() => new Map(members.map((m) => [m.userId, m.name])), [members]);
  const itemId = params.get('item');
  const index = items.findIndex((i) => i.id === itemId);
  const change = useChangeItem(workspace.id, itemId ?? '');

  // From the address as it is when called (a filter may have changed while a write was on its way).
  const open = (id: string | undefined) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (id) next.set('item', id);
      else next.delete('item');
      return next;
    });
  // After an item is done, the next one opens: nobody loses their place.
  const afterDone = () => open((items[index + 1] ?? items[index - 1])?.id);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [role="dialog"], [role="menu"]')) return;
      const step = e.key === 'j' ? 1 : e.key === 'k' ? -1 : 0;
      if (step) {
        const next = items[Math.max(0, Math.min(items.length - 1, index + step))];
        if (next) open(next.id);
      } else if (e.key === 'e' && canTriage && itemId && !change.isPending) {
        change.mutate({ status: 'done' }, { onSuccess: afterDone });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const showList = !isPhone || !itemId;
  return (
    <section className="page page-wide inbox-page" aria-labelledby="inbox-title">
      <div className="inbox-head">
        <h1 id="inbox-title">{t('inbox.title')}</h1>
        {roleAtLeast(workspace.role, 'manager') && <InboxPendingReplies workspaceId={workspace.id} />}
        <SavedRepliesDialog workspaceId={workspace.id} canWrite={canTriage} />
      </div>
      {showList && (
        <InboxFilters channels={channels} campaigns={campaigns} members={members} counts={counts.data} />
      )}
      <div className="inbox">
        {showList && (
          <div className="inbox-list">
            <InboxList query={query} items={items} channelNames={channelNames} memberNames={memberNames} />
            {!isPhone && (
              <p className="muted shortcuts-hint">
                {canTriage ? t('inbox.shortcuts') : t('inbox.shortcutsRead')}
              </p>
            )}
          </div>
        )}
        {itemId ? (
          <div className="inbox-detail">
            {isPhone && (
              <Link className="btn inbox-back" to={`/inbox?${withoutItem(params)}`}>
                ← {t('inbox.backToList')}
              </Link>
            )}
            <InboxConversation
              key={itemId}
              workspaceId={workspace.id}
              itemId={itemId}
              timeZone={workspace.timezone}
              members={members}
              channelNames={channelNames}
              canTriage={canTriage}
              onDone={afterDone}
            />
          </div>
        ) : (
          !isPhone && items.length > 0 && <p className="muted inbox-detail">{t('inbox.pick')}</p>
        )}
      </div>
    </section>
  );
}

function withoutItem(params: URLSearchParams) {
  const next = new URLSearchParams(params);
  next.delete('item');
  return next.toString();
}
