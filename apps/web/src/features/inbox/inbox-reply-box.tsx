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
  /** Reply approval is on and the person is below manager: "Send for approval". */
  needsApproval: boolean;
  /** The text of the person's latest reply sent back to them, offered to start again from. */
  returned: string | undefined;
}

export function InboxReplyBox({ workspaceId, timeZone, item, needsApproval, returned }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const charter = useCharter(workspaceId).data?.rules;
  const send = useSendReply(workspaceId, item.id);
  const [text, setText] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  // A saved reply picked over typed text waits here until the person says replace or add.
  const [picked, setPicked] = useState<string | null>(null);
  const [sentForApproval, setSentForApproval] = useState(false);
  const put = (next: string) => {
    setText(next);
    setKey(crypto.randomUUID());
    setPicked(null);
  };
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
            onSuccess: (sent) => {
              put('');
              setSentForApproval(sent.status === 'pending_approval');
            },
          },
        );
      }}
    >
      <SavedReplyPicker
        workspaceId={workspaceId}
        author={item.author}
        onPick={(filled) => (text.trim() && text !== filled ? setPicked(filled) : put(filled))}
      />
      {picked !== null && (
        <div className="inbox-pick-confirm" role="alert">
          <p>{t('savedReplies.replaceAsk')}</p>
          <button type="button" className="btn" onClick={() => put(picked)}>
            {t('savedReplies.replace')}
          </button>
          <button type="button" className="btn" onClick={() => put(`${text.trimEnd()}\n\n${picked}`)}>
            {t('savedReplies.append')}
          </button>
          <button type="button" className="btn" onClick={() => setPicked(null)}>
            {t('savedReplies.keepMine')}
          </button>
        </div>
      )}
      {returned && !text && (
        <button type="button" className="btn btn-link" onClick={() => put(returned)}>
          {t('inbox.approval.startFromReturned')}
        </button>
      )}
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
          setSentForApproval(false);
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
        {needsApproval ? t('inbox.approval.sendForApproval') : t('inbox.send')}
      </button>
      {sentForApproval && (
        <p role="status" className="muted">
          {t('inbox.approval.waiting')}
        </p>
      )}
      <InlineError error={send.error} />
    </form>
  );
}
