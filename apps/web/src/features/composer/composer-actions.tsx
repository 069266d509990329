// The sticky bar: Save draft always; "Submit for review" for editors; for managers "Schedule ▾"
// (a time, the next queue slot, or publish now after a confirming summary).
import * as Popover from '@radix-ui/react-popover';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import type { PostStatus } from '../posts/post-queries';
import type { Command } from './use-composer-commands';

interface ComposerActionsProps {
  isManager: boolean;
  status: PostStatus | null;
  blocking: boolean;
  running: Command | null;
  local: string;
  timeZone: string;
  summary: string;
  /** The next queue slot free on all channels, as shown; null when unknown or none. */
  nextSlot?: string | null;
  onLocalChange: (local: string) => void;
  onCommand: (command: Command) => void;
}

const SUBMITTABLE: readonly (PostStatus | null)[] = [null, 'draft', 'changes_requested'];

export function ComposerActions(props: ComposerActionsProps) {
  const { isManager, status, blocking, running, local, timeZone, summary, onLocalChange, onCommand } = props;
  const { t } = useTranslation();
  const id = useId();
  const busy = running !== null;
  const canSubmit = SUBMITTABLE.includes(status);
  const scheduleLabel = status === 'in_review' ? t('composer.approveAndSchedule') : t('composer.scheduleAt');
  return (
    <fieldset className="composer-actions">
      <legend className="visually-hidden">{t('composer.actions')}</legend>
      <button
        type="button"
        className="btn"
        disabled={busy}
        onClick={() => onCommand('save')}
        aria-keyshortcuts="Control+S"
      >
        {running === 'save' ? t('composer.saving') : t('composer.saveDraft')}
      </button>
      {canSubmit && (
        <button
          type="button"
          className={isManager ? 'btn' : 'btn btn-primary'}
          disabled={busy || blocking}
          onClick={() => onCommand('submit')}
          aria-keyshortcuts={isManager ? undefined : 'Control+Enter'}
        >
          {t('composer.submitForReview')}
        </button>
      )}
      {isManager && (
        <Popover.Root>
          <Popover.Trigger asChild>
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || blocking}
              aria-keyshortcuts="Control+Enter"
            >
              {status === 'in_review' ? t('composer.approveAndScheduleMenu') : t('composer.scheduleMenu')} ▾
            </button>
          </Popover.Trigger>
          <Popover.Portal>
            <Popover.Content className="popover schedule-popover" sideOffset={6} align="end">
              <div className="field">
                <label htmlFor={`${id}-at`}>{t('composer.when', { zone: timeZone })}</label>
                <input
                  id={`${id}-at`}
                  type="datetime-local"
                  value={local}
                  onChange={(e) => onLocalChange(e.target.value)}
                />
              </div>
              <Popover.Close asChild>
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={!local}
                  onClick={() => onCommand(status === 'in_review' ? 'approveSchedule' : 'schedule')}
                >
                  {scheduleLabel}
                </button>
              </Popover.Close>
              <Popover.Close asChild>
                <button type="button" className="btn" onClick={() => onCommand('queue')}>
                  {props.nextSlot
                    ? t('postControl.addToSlot', { when: props.nextSlot })
                    : t('composer.addToQueue')}
                </button>
              </Popover.Close>
              <ConfirmDialog
                trigger={
                  <button type="button" className="btn btn-danger">
                    {t('composer.publishNow')}
                  </button>
                }
                title={t('composer.publishNowTitle')}
                body={<p>{summary}</p>}
                confirmLabel={t('composer.publishNow')}
                onConfirm={() => onCommand('publishNow')}
              />
            </Popover.Content>
          </Popover.Portal>
        </Popover.Root>
      )}
    </fieldset>
  );
}
