// The sticky bar: Save draft always; "Submit for review" for editors; for managers "Schedule ▾"
// (a time, the next queue slot, or publish now after a confirming summary) only when the approval
// policy lets them, else the reason in words.
import * as Popover from '@radix-ui/react-popover';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import type { Gate } from '../posts/approval-gate';
import type { PostStatus } from '../posts/post-queries';
import type { Command } from './use-composer-commands';

interface ComposerActionsProps {
  /** For managers and owners: what the policy lets them do; null for editors. */
  gate: Gate | null;
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
  const { gate, status, blocking, running, local, timeZone, summary, onLocalChange, onCommand } = props;
  const { t } = useTranslation();
  const id = useId();
  const busy = running !== null;
  const canSubmit = SUBMITTABLE.includes(status);
  const canPlace = gate?.may === 'schedule' || gate?.may === 'approveAndSchedule';
  const approving = gate?.may === 'approveAndSchedule';
  const submitIsMain = !canPlace;
  const scheduleLabel = approving ? t('composer.approveAndSchedule') : t('composer.scheduleAt');
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
          className={submitIsMain ? 'btn btn-primary' : 'btn'}
          disabled={busy || blocking}
          onClick={() => onCommand('submit')}
          aria-keyshortcuts={submitIsMain ? 'Control+Enter' : undefined}
        >
          {t('composer.submitForReview')}
        </button>
      )}
      {canPlace && (
        <Popover.Root>
          <Popover.Trigger asChild>
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || blocking}
              aria-keyshortcuts="Control+Enter"
            >
              {approving ? t('composer.approveAndScheduleMenu') : t('composer.scheduleMenu')} ▾
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
                  onClick={() => onCommand(approving ? 'approveSchedule' : 'schedule')}
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
      {gate && !canPlace && (
        <p className="muted gate-reason" data-testid="gate-reason">
          {gate.may === 'submit'
            ? t('approvalGate.submit', { count: gate.required })
            : gate.reason === 'own_content'
              ? t('refusals.own_content')
              : t('approvalGate.moreApprovals', { count: gate.required })}
        </p>
      )}
    </fieldset>
  );
}
