// Someone else saved the post while it was open here: show what they changed and let the person
// choose (take theirs, keep mine on top of theirs, or copy my text to keep it safe).
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../ui/copy-button';
import { formatTime } from '../../ui/time';
import { useMembers } from '../settings/member-queries';
import type { Post } from '../posts/post-queries';
import { usePostHistory } from '../posts/post-queries';

interface ConflictBannerProps {
  workspaceId: string;
  timeZone: string;
  theirs: Post;
  myText: string;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}

export function ConflictBanner({
  workspaceId,
  timeZone,
  theirs,
  myText,
  onTakeTheirs,
  onKeepMine,
}: ConflictBannerProps) {
  const { t, i18n } = useTranslation();
  const history = usePostHistory(workspaceId, theirs.id);
  const members = useMembers(workspaceId);
  const last = history.data?.at(-1);
  const who = members.data?.find((m) => m.userId === last?.actor.userId)?.name ?? t('composer.someone');
  return (
    <div className="banner banner-warn" role="alert">
      <p>
        <strong>
          {t('composer.conflictTitle', {
            name: who,
            time: formatTime(theirs.updatedAt, i18n.language, timeZone),
          })}
        </strong>
      </p>
      <p className="muted">{t('composer.conflictTheirText')}</p>
      <blockquote className="conflict-text">{theirs.text || '—'}</blockquote>
      <div className="button-group">
        <button type="button" className="btn" onClick={onTakeTheirs}>
          {t('composer.takeTheirs')}
        </button>
        <button type="button" className="btn btn-primary" onClick={onKeepMine}>
          {t('composer.keepMine')}
        </button>
        <CopyButton value={myText} label={t('composer.copyMine')} />
      </div>
    </div>
  );
}
