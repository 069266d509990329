// The card that opens over a calendar post after a short hover, or at once on keyboard focus: the
// whole text, its media, each channel's status, the time with its zone, and the actions the person
// may take (the same PostCommands as the post page). It reads the post itself, so the calendar's
// answer stays small; the hover delay means a glance across the month fetches nothing.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../ui/states';
import { formatTime } from '../../ui/time';
import { PostCommands, usePostPermissions } from '../posts/post-commands';
import { type Post, usePost } from '../posts/post-queries';
import type { CalendarItem } from './calendar-queries';
import { cardStatus } from './channel-avatar';
import { ChannelAvatar } from './channel-avatars';
import { STATUS_ICON, statusWord } from './event-card';

export interface HoverTarget {
  item: CalendarItem;
  /** The card's box on screen, to place the hover card beside it. */
  rect: { top: number; left: number; right: number; bottom: number };
}

interface PostHoverCardProps {
  workspaceId: string;
  target: HoverTarget;
  shownZone: string;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  onClose: () => void;
}

const WIDTH = 320;

/** Beside the card when there is room on the right, else on the left; never off screen. */
function placeHoverCard(rect: HoverTarget['rect'], viewport: { width: number; height: number }) {
  const gap = 8;
  const left =
    rect.right + gap + WIDTH <= viewport.width ? rect.right + gap : Math.max(gap, rect.left - gap - WIDTH);
  const top = Math.max(gap, Math.min(rect.top, viewport.height - 360));
  return { left, top, width: Math.min(WIDTH, viewport.width - 2 * gap) };
}

export function PostHoverCard(props: PostHoverCardProps) {
  const { target, workspaceId, onPointerEnter, onPointerLeave, onClose } = props;
  const { t } = useTranslation();
  const post = usePost(workspaceId, target.item.id);
  const place = placeHoverCard(target.rect, { width: window.innerWidth, height: window.innerHeight });
  return (
    <div
      className="hover-card"
      role="dialog"
      aria-label={target.item.title || t('review.noText')}
      style={{ left: place.left, top: place.top, width: place.width }}
      onMouseEnter={onPointerEnter}
      onMouseLeave={onPointerLeave}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
      data-testid="hover-card"
    >
      {post.data ? (
        <HoverBody post={post.data} item={target.item} zone={props.shownZone} onDone={onClose} />
      ) : post.isError ? (
        <p className="muted">{t('common.loadFailed')}</p>
      ) : (
        <Loading />
      )}
    </div>
  );
}

function HoverBody({
  post,
  item,
  zone,
  onDone,
}: {
  post: Post;
  item: CalendarItem;
  zone: string;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const may = usePostPermissions(post);
  const status = cardStatus(item);
  const names = new Map(item.channels.map((c) => [c.channelId, c.channelName]));
  const media = post.media.filter((m) => m.kind === 'image').slice(0, 4);
  return (
    <>
      <p className="hover-card-head">
        <span className={`pill pill-${post.status}`}>
          <span aria-hidden="true">{STATUS_ICON[status]}</span> {statusWord(status, t)}
        </span>{' '}
        {post.schedule && (
          <span>
            {formatTime(post.schedule.at, i18n.language, zone)}{' '}
            {item.proposed && <span className="muted">({t('postControl.proposed')})</span>}
          </span>
        )}
      </p>
      <p className="hover-card-text">{post.text || t('review.noText')}</p>
      {media.length > 0 && (
        <div className="hover-card-media">
          {media.map((m) => (
            <img key={m.url} src={m.url} alt={m.alt} loading="lazy" />
          ))}
        </div>
      )}
      {post.media.length > media.length && (
        <p className="muted small">{t('postControl.mediaCount', { count: post.media.length })}</p>
      )}
      <ul className="hover-card-channels">
        {post.targets.map((target) => (
          <li key={target.id}>
            <ChannelAvatar
              channelId={target.channelId}
              name={names.get(target.channelId) ?? t(`networks.${target.network}`)}
              network={target.network}
            />{' '}
            {names.get(target.channelId) ?? t(`networks.${target.network}`)}{' '}
            <span className="muted">({t(`networks.${target.network}`)})</span> ·{' '}
            <span className={`target-status target-${target.status}`}>
              {t(`targetStatus.${target.status}`)}
            </span>
          </li>
        ))}
      </ul>
      <div className="button-group">
        <Link className="btn btn-small" to={`/posts/${post.id}`}>
          {t('postControl.open')}
        </Link>
        {may('edit') && (
          <Link className="btn btn-small" to={`/posts/${post.id}/edit`}>
            {t('common.edit')}
          </Link>
        )}
      </div>
      <PostCommands post={post} compact onChanged={onDone} />
    </>
  );
}
