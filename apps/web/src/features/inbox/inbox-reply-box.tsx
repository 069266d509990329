// Answer from Cadence: the charter checked while typing (the same pure checker the server runs,
// with the rules that judge a reply), blocking findings disable Send; a 422 from the server is
// told in the reader's language. One Idempotency-Key per text, so a retried click never sends twice.
import { checkPost } from '@cadence/domain/charter/check-post';
import { appliesToReplies } from '@cadence/domain/inbox/reply-rules';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineError } from '../../ui/states';
import { useCharter } from '../charter/charter-queries';
import { type InboxItem, useSendReply } from './inbox-queries';
import { SavedReplyPicker } from './saved-reply-picker';
import { messageText } from '../../ui/message-text';

interface Props {
  workspaceId: string;
  timeZone: string;
  item: InboxItem;
}

export function InboxReplyBox({ workspaceId, timeZone, item }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const charter = useCharter(workspaceId).data?.rules;
  const send = useSendReply(workspaceId, item.id);
  const [text, setText] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const checked = useDeferredValue(text);
  const violations = useMemo(
    () =>
      checked.trim() && charter
        ? checkPost({
            text: checked,
            targets: [{ channelId: item.channelId, network: item.network }],
            scheduledAt: null,
            timezone: timeZone,
            charter,
            otherPosts: [],
          }).filter(appliesToReplies)
        : [],
    [checked, charter, item.channelId, item.network, timeZone],
  );
  const blocked = violations.some((v) => v.severity === 'block');
  if (!item.canReply) return <p className="muted">{t('inbox.cannotReply')}</p>;
  return (
    <form
      className="inbox-reply"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim() || blocked) return;
        send.mutate(
          { text, key },
          {
            onSuccess: () => {
              setText('');
              setKey(crypto.randomUUID());
            },
          },
        );
      }}
    >
      <SavedReplyPicker
        workspaceId={workspaceId}
        author={item.author}
        onPick={(filled) => {
          setText(filled);
          setKey(crypto.randomUUID());
        }}
      />
      <label htmlFor={`${id}-reply`}>
        {t('inbox.replyTo', { name: item.author.name || item.author.handle })}
      </label>
      <textarea
        id={`${id}-reply`}
        value={text}
        rows={3}
        maxLength={5000}
        aria-describedby={violations.length > 0 ? `${id}-checks` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setKey(crypto.randomUUID());
        }}
      />
      {violations.length > 0 && (
        <ul id={`${id}-checks`} className="inbox-reply-checks" aria-live="polite">
          {violations.map((v) => (
            <li
              key={`${v.rule}-${v.range?.start ?? ''}`}
              className={v.severity === 'block' ? 'form-error' : 'muted'}
            >
              {v.severity === 'block' ? t('inbox.checkBlock') : t('inbox.checkWarn')} {messageText(v)}
            </li>
          ))}
        </ul>
      )}
      <button type="submit" className="btn btn-primary" disabled={send.isPending || !text.trim() || blocked}>
        {t('inbox.send')}
      </button>
      <InlineError error={send.error} />
    </form>
  );
}
