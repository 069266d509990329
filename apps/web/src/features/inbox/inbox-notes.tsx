// The team's internal notes on an item (never sent to the network); editors add them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineError } from '../../ui/states';
import { formatTime } from '../../ui/time';
import { type Conversation, useAddNote } from './inbox-queries';

interface Props {
  workspaceId: string;
  itemId: string;
  timeZone: string;
  notes: Conversation['notes'];
  canWrite: boolean;
}

export function InboxNotes({ workspaceId, itemId, timeZone, notes, canWrite }: Props) {
  const { t, i18n } = useTranslation();
  const add = useAddNote(workspaceId, itemId);
  const [body, setBody] = useState('');
  return (
    <section className="inbox-notes" aria-labelledby="inbox-notes-title">
      <h3 id="inbox-notes-title">{t('inbox.notes')}</h3>
      {notes.length === 0 ? (
        <p className="muted">{t('inbox.noNotes')}</p>
      ) : (
        <ul className="inbox-note-list">
          {notes.map((n) => (
            <li key={n.id} className="inbox-note">
              <span className="muted">
                {n.authorName ?? t('inbox.someone')} · {formatTime(n.createdAt, i18n.language, timeZone)}
              </span>
              <p className="inbox-message-text">{n.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <form
          className="inbox-note-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (body.trim()) add.mutate(body.trim(), { onSuccess: () => setBody('') });
          }}
        >
          <label>
            <span className="visually-hidden">{t('inbox.addNote')}</span>
            <textarea
              value={body}
              rows={2}
              maxLength={5000}
              placeholder={t('inbox.notePlaceholder')}
              onChange={(e) => setBody(e.target.value)}
            />
          </label>
          <button type="submit" className="btn" disabled={add.isPending || !body.trim()}>
            {t('inbox.addNote')}
          </button>
          <InlineError error={add.error} />
        </form>
      )}
    </section>
  );
}
