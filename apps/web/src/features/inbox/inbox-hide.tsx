// Hiding the open message from others under our post (docs/inbox.md, Hiding): « Masquer » /
// « Afficher de nouveau ». Where the network or the message's place does not allow it, no button
// is offered and a sentence says why (the item's `hideUnsupported`, the same rule the server
// applies); a viewer sees the state only (the "hidden" label beside the message).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineError } from '../../ui/states';
import { type InboxItem, useSetHidden } from './inbox-queries';

interface Props {
  workspaceId: string;
  item: InboxItem;
  canHide: boolean;
}

/** Hidden as far as the person is concerned: on its way counts as done; a failure shows the network. */
export const shownAsHidden = (hide: InboxItem['hide']) =>
  hide.state === 'failed' ? hide.onNetwork : hide.state === 'hidden' || hide.state === 'hiding';

export function InboxHide({ workspaceId, item, canHide }: Props) {
  const { t } = useTranslation();
  const setHidden = useSetHidden(workspaceId, item.id);
  const noteId = useId();
  if (!canHide) return null;
  const unsupported = item.hideUnsupported;
  if (unsupported) {
    return (
      <p className="muted inbox-hide-unsupported">
        {t(`inbox.hideUnsupported.${unsupported}`, { network: t(`networks.${item.network}`) })}
      </p>
    );
  }
  const { state, error } = item.hide;
  const hidden = shownAsHidden(item.hide);
  const onItsWay = state === 'hiding' || state === 'showing';
  return (
    <div className="inbox-hide">
      <button
        type="button"
        className="btn"
        aria-describedby={onItsWay ? noteId : undefined}
        disabled={onItsWay || setHidden.isPending}
        onClick={() => setHidden.mutate(!hidden)}
      >
        {hidden ? t('inbox.showAgain') : t('inbox.hide')}
      </button>
      {onItsWay && (
        <p id={noteId} className="muted" role="status">
          {t(`inbox.hideState.${state}`)}
        </p>
      )}
      {state === 'failed' && error && (
        <p className="form-error">{t('inbox.hideFailed', { reason: error })}</p>
      )}
      {setHidden.isError && <InlineError error={setHidden.error} />}
    </div>
  );
}
