// The composer's date and time, for everyone: an editor proposes it (a manager schedules at that
// time once the post is approved), a manager's Schedule uses it. Empty means "no date yet" (the
// post waits in the drafts panel). A scheduled post moves with Schedule or on the calendar.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostStatus } from '../posts/post-queries';

interface ComposerWhenProps {
  value: string;
  timeZone: string;
  isManager: boolean;
  status: PostStatus | null;
  onChange: (local: string) => void;
}

export function ComposerWhen({ value, timeZone, isManager, status, onChange }: ComposerWhenProps) {
  const { t } = useTranslation();
  const id = useId();
  const scheduled = status === 'scheduled';
  const locked =
    scheduled ||
    (status !== null && !['draft', 'in_review', 'changes_requested', 'approved'].includes(status));
  const hint = scheduled
    ? t('postControl.when.scheduledHint')
    : isManager
      ? t('postControl.when.managerHint')
      : t('postControl.when.editorHint');
  return (
    <div className="field composer-when">
      <label htmlFor={id}>
        {t(isManager ? 'postControl.when.managerLabel' : 'postControl.when.editorLabel', { zone: timeZone })}
      </label>
      <div className="inline-fields">
        <input
          id={id}
          type="datetime-local"
          value={value}
          disabled={locked}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onChange(e.target.value)}
        />
        {value && !locked && (
          <button type="button" className="btn btn-small" onClick={() => onChange('')}>
            {t('postControl.clearDate')}
          </button>
        )}
      </div>
      <p id={`${id}-hint`} className="muted small">
        {hint}
      </p>
    </div>
  );
}
