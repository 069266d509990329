// Who wrote an item, as the network gave it. The avatar is loaded only from an http(s) address and
// without a referrer (the network need not learn which Cadence looked at it).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { safeHref } from './inbox-params';
import type { InboxItem } from './inbox-queries';

export function InboxAuthor({ item, channelName }: { item: InboxItem; channelName?: string }) {
  const { t } = useTranslation();
  // An avatar that does not load (gone, or the network unreachable) falls back to the initial.
  const [broken, setBroken] = useState(false);
  const avatar = broken ? null : safeHref(item.author.avatarUrl);
  return (
    <span className="inbox-author">
      {avatar ? (
        <img
          className="inbox-avatar"
          src={avatar}
          alt=""
          referrerPolicy="no-referrer"
          loading="lazy"
          onError={() => setBroken(true)}
        />
      ) : (
        <span className="inbox-avatar inbox-avatar-empty" aria-hidden="true">
          {(item.author.name || item.author.handle).slice(0, 1).toUpperCase()}
        </span>
      )}
      <span className="inbox-author-names">
        <span className="inbox-author-name">{item.author.name || item.author.handle}</span>
        <span className="muted inbox-author-handle">
          @{item.author.handle.replace(/^@/, '')} ·{' '}
          <span className="inbox-network">{t(`networks.${item.network}`)}</span>
          {channelName ? ` · ${channelName}` : ''}
        </span>
      </span>
    </span>
  );
}
