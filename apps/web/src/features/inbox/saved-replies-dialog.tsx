// The team's saved replies, from the inbox's header: everyone reads them; editors and above
// create, edit and delete. The server checks each body against the charter when saved: a refusal
// is told in the reader's language, and warnings (e.g. a discouraged hashtag) are shown after saving.
import * as Dialog from '@radix-ui/react-dialog';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { TextField } from '../../ui/field';
import { InlineError } from '../../ui/states';
import {
  type SavedReply,
  useDeleteSavedReply,
  useSavedReplies,
  useSaveSavedReply,
} from './saved-reply-queries';
import { messageText } from '../../ui/message-text';

interface Props {
  workspaceId: string;
  canWrite: boolean;
}

export function SavedRepliesDialog({ workspaceId, canWrite }: Props) {
  const { t } = useTranslation();
  const saved = useSavedReplies(workspaceId);
  const remove = useDeleteSavedReply(workspaceId);
  // null: the list; 'new' or a saved reply: the form.
  const [editing, setEditing] = useState<SavedReply | 'new' | null>(null);
  return (
    <Dialog.Root onOpenChange={() => setEditing(null)}>
      <Dialog.Trigger asChild>
        <button type="button" className="btn">
          {t('savedReplies.title')}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog saved-replies-dialog" aria-describedby={undefined}>
          <Dialog.Title>{t('savedReplies.title')}</Dialog.Title>
          {editing ? (
            <SavedReplyForm
              workspaceId={workspaceId}
              editing={editing === 'new' ? null : editing}
              onDone={() => setEditing(null)}
            />
          ) : (
            <>
              <p className="muted">{t('savedReplies.intro')}</p>
              {saved.data?.length === 0 && <p>{t('savedReplies.empty')}</p>}
              <ul className="saved-replies">
                {saved.data?.map((s) => (
                  <li key={s.id}>
                    <strong>{s.title}</strong>
                    <p className="saved-reply-body">{s.body}</p>
                    {canWrite && (
                      <div className="saved-reply-actions">
                        <button type="button" className="btn" onClick={() => setEditing(s)}>
                          {t('savedReplies.edit')}
                        </button>
                        <ConfirmDialog
                          trigger={
                            <button type="button" className="btn btn-danger">
                              {t('savedReplies.delete')}
                            </button>
                          }
                          title={t('savedReplies.deleteTitle', { title: s.title })}
                          body={t('savedReplies.deleteBody')}
                          confirmLabel={t('savedReplies.delete')}
                          onConfirm={() => remove.mutate(s.id)}
                        />
                      </div>
                    )}
                  </li>
                ))}
              </ul>
              <InlineError error={saved.error ?? remove.error} />
              <div className="dialog-actions">
                <Dialog.Close asChild>
                  <button type="button" className="btn">
                    {t('savedReplies.close')}
                  </button>
                </Dialog.Close>
                {canWrite && (
                  <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
                    {t('savedReplies.new')}
                  </button>
                )}
              </div>
            </>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function SavedReplyForm({
  workspaceId,
  editing,
  onDone,
}: {
  workspaceId: string;
  editing: SavedReply | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const save = useSaveSavedReply(workspaceId);
  const [title, setTitle] = useState(editing?.title ?? '');
  const [body, setBody] = useState(editing?.body ?? '');
  const [warnings, setWarnings] = useState<string[]>([]);
  const limited = save.error instanceof ApiError && save.error.code === 'limit_reached';
  return (
    <form
      className="saved-reply-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          { editing, draft: { title, body } },
          {
            onSuccess: (result) => {
              const found = result.warnings.map((v) => messageText(v));
              if (found.length > 0) setWarnings(found);
              else onDone();
            },
          },
        );
      }}
    >
      <TextField
        label={t('savedReplies.name')}
        value={title}
        maxLength={120}
        required
        onChange={(e) => setTitle(e.target.value)}
      />
      <div className="field">
        <label htmlFor={`${id}-body`}>{t('savedReplies.body')}</label>
        <textarea
          id={`${id}-body`}
          value={body}
          rows={5}
          maxLength={2000}
          required
          aria-describedby={`${id}-hint`}
          onChange={(e) => setBody(e.target.value)}
        />
        <p className="field-hint" id={`${id}-hint`}>
          {t('savedReplies.variables')}
        </p>
      </div>
      {warnings.length > 0 && (
        <ul className="inbox-reply-checks" aria-live="polite">
          {warnings.map((w) => (
            <li key={w} className="muted">
              {t('inbox.checkWarn')} {w}
            </li>
          ))}
        </ul>
      )}
      {limited ? <p className="form-error">{t('savedReplies.limit')}</p> : <InlineError error={save.error} />}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onDone}>
          {warnings.length > 0 ? t('savedReplies.close') : t('common.cancel')}
        </button>
        {warnings.length === 0 && (
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('savedReplies.save')}
          </button>
        )}
      </div>
    </form>
  );
}
