// The like toggle of an item (docs/inbox.md, Liking): « J’aime » / « Aimé », pressed when our
// account likes it. Where the network does not allow it, the button is disabled and the reason
// said beside it (never offered when the server would refuse); a viewer sees the state only.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineError } from '../../ui/states';
import { type InboxItem, useSetLike } from './inbox-queries';

interface Props {
  workspaceId: string;
  item: InboxItem;
  canLike: boolean;
}

export function InboxLike({ workspaceId, item, canLike }: Props) {
  const { t } = useTranslation();
  const setLike = useSetLike(workspaceId, item.id);
  const noteId = useId();
  const { state, error, onNetwork } = item.like;
  // On its way counts as done (the toggle follows the click); a failure shows what the network has.
  const liked = state === 'failed' ? onNetwork : state === 'liked' || state === 'liking';
  if (!canLike) return liked ? <p className="muted inbox-like">{t('inbox.liked')}</p> : null;
  const unsupported = item.likeUnsupported;
  const onItsWay = state === 'liking' || state === 'unliking';
  const note = unsupported
    ? t(`inbox.likeUnsupported.${unsupported}`, { network: t(`networks.${item.network}`) })
    : onItsWay
      ? t(`inbox.likeState.${state}`)
      : null;
  return (
    <div className="inbox-like">
      <button
        type="button"
        className={liked ? 'btn btn-primary' : 'btn'}
        aria-pressed={liked}
        aria-describedby={note ? noteId : undefined}
        disabled={unsupported !== null || onItsWay || setLike.isPending}
        onClick={() => setLike.mutate(!liked)}
      >
        {liked ? t('inbox.liked') : t('inbox.like')}
      </button>
      {note && (
        <p id={noteId} className="muted" role={onItsWay ? 'status' : undefined}>
          {note}
        </p>
      )}
      {state === 'failed' && error && (
        <p className="form-error">{t('inbox.likeFailed', { reason: error })}</p>
      )}
      {setLike.isError && <InlineError error={setLike.error} />}
    </div>
  );
}
