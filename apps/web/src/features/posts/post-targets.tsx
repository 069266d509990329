// One row per channel: status as icon and words, the live post's link, and a failure's reason in
// plain words with the network's raw error behind "details" (shown as text, never as HTML).
import { safeExternalUrl } from '@cadence/domain/publishing/external-url';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useChannels } from '../channels/channel-queries';
import { formatTime } from '../../ui/time';
import { ConfirmUnknownOutcome } from './confirm-unknown-outcome';
import type { Post, PostTarget } from './post-queries';

const ICON: Partial<Record<PostTarget['status'], string>> = {
  published: '✓',
  failed: '✕',
  scheduled: '◷',
  sending: '↻',
  claimed: '↻',
  unknown: '?',
  missed: '!',
  held: '⏸',
  cancelled: '–',
};

export function PostTargets({
  workspaceId,
  post,
  timeZone,
  canConfirm,
}: {
  workspaceId: string;
  post: Post;
  timeZone: string;
  /** Managers may say whether a target whose outcome is unknown went out. */
  canConfirm: boolean;
}) {
  const { t, i18n } = useTranslation();
  const channels = useChannels(workspaceId);
  const byId = new Map((channels.data ?? []).map((c) => [c.id, c]));
  return (
    <table className="table targets">
      <caption className="visually-hidden">{t('post.targets')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('post.channel')}</th>
          <th scope="col">{t('post.status')}</th>
          <th scope="col">{t('post.when')}</th>
          <th scope="col">{t('post.result')}</th>
        </tr>
      </thead>
      <tbody>
        {post.targets.map((target) => (
          <tr key={target.id} id={`target-${target.id}`} data-testid={`target-${target.network}`}>
            <td>
              <span className={`network-badge network-${target.network}`} aria-hidden="true">
                {t(`networks.${target.network}`).slice(0, 1)}
              </span>{' '}
              {byId.get(target.channelId)?.displayName ?? t(`networks.${target.network}`)}
            </td>
            <td className={`target-status target-${target.status}`}>
              <span aria-hidden="true">{ICON[target.status] ?? '•'} </span>
              {t(`targetStatus.${target.status}`)}
            </td>
            <td>
              {target.publishedAt
                ? formatTime(target.publishedAt, i18n.language, timeZone)
                : target.scheduledAt
                  ? formatTime(target.scheduledAt, i18n.language, timeZone)
                  : '—'}
            </td>
            <td>
              <LiveLink target={target} />
              {target.status === 'failed' && (
                <div className="failure">
                  <p className="form-error">{t('post.failedPlain')}</p>
                  {target.lastError && (
                    <details>
                      <summary>{t('post.details')}</summary>
                      <pre className="raw-error" lang="en" translate="no">
                        {target.lastError}
                      </pre>
                    </details>
                  )}
                </div>
              )}
              {target.status === 'unknown' && (
                <ConfirmUnknownOutcome
                  workspaceId={workspaceId}
                  postId={post.id}
                  target={target}
                  canConfirm={canConfirm}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The published post, where it can be opened. */
function LiveLink({ target }: { target: PostTarget }) {
  const { t } = useTranslation();
  // The API only sends http(s) links; checked again here so a link is never a `javascript:` URL,
  // whatever produced it.
  const url = safeExternalUrl(target.externalUrl);
  if (url) {
    return (
      <a href={url} target="_blank" rel="noreferrer noopener" className="live-link">
        {t('post.viewLive')} ↗
      </a>
    );
  }
  // The sandbox network's "live post" is its item in Cadence's own feed.
  if (target.network === 'sandbox' && target.externalId) {
    return (
      <Link to={`/sandbox#sandbox-${target.externalId}`} className="live-link">
        {t('post.viewLive')} ↗
      </Link>
    );
  }
  return null;
}
