// "Saved replies" in the reply box: picking one puts its text, filled for this item's author, in
// the reply (over typed text only after asking: replace, add after, or keep mine, in the reply
// box); the person edits and sends as usual, and the live charter
// check judges the filled text. The select goes back to its prompt, so the same one can be picked again.
import { fillSavedReply } from '@cadence/domain/inbox/saved-reply-fill';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from './inbox-queries';
import { useSavedReplies } from './saved-reply-queries';

interface Props {
  workspaceId: string;
  author: InboxItem['author'];
  onPick: (text: string) => void;
}

export function SavedReplyPicker({ workspaceId, author, onPick }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const saved = useSavedReplies(workspaceId).data ?? [];
  if (saved.length === 0) return null;
  return (
    <div className="inbox-saved-pick">
      <label htmlFor={id}>{t('savedReplies.pick')}</label>
      <select
        id={id}
        value=""
        onChange={(e) => {
          const chosen = saved.find((s) => s.id === e.target.value);
          if (chosen) onPick(fillSavedReply(chosen.body, author));
        }}
      >
        <option value="">{t('savedReplies.choose')}</option>
        {saved.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
    </div>
  );
}
