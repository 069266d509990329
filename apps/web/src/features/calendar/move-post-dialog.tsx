// "Move to…": the keyboard alternative to dragging a card (WCAG 2.2 SC 2.5.7). Opened with Shift+M
// (or the context-menu key) on a focused card; the time is typed in the zone the calendar shows
// and goes through the same reschedule, Undo toast and error handling as a drop.
import * as Dialog from '@radix-ui/react-dialog';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/field';
import { formatTime, localToIso, toLocalInput } from '../../ui/time';

export interface MoveTarget {
  postId: string;
  eventId: string;
  title: string;
  start: Date;
}

interface MovePostDialogProps {
  target: MoveTarget | null;
  shownZone: string;
  onMove: (postId: string, to: Date, from: Date) => Promise<boolean>;
  onClose: () => void;
}

export function MovePostDialog({ target, shownZone, onMove, onClose }: MovePostDialogProps) {
  return (
    <Dialog.Root open={target !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="dialog"
          // Opened from a key press, not a trigger: give focus back to the card it came from.
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            if (target) focusEvent(target.eventId);
          }}
        >
          {target && (
            <MoveForm
              key={target.eventId}
              target={target}
              shownZone={shownZone}
              onMove={onMove}
              onClose={onClose}
            />
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function MoveForm({ target, shownZone, onMove, onClose }: MovePostDialogProps & { target: MoveTarget }) {
  const { t, i18n } = useTranslation();
  const [value, setValue] = useState(() => toLocalInput(target.start, shownZone));
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const iso = value ? localToIso(value, shownZone) : null;
    if (!iso) return setError(t('calendar.move.invalid'));
    const to = new Date(iso);
    if (to.getTime() <= Date.now()) return setError(t('calendar.move.past'));
    setError(undefined);
    setPending(true);
    const moved = await onMove(target.postId, to, target.start);
    setPending(false);
    // A refusal is explained by the toast; the dialog stays open to pick another time.
    if (moved) onClose();
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Dialog.Title>{t('calendar.move.title')}</Dialog.Title>
      <Dialog.Description>
        {t('calendar.move.current', {
          title: target.title || t('review.noText'),
          when: formatTime(target.start, i18n.language, shownZone),
        })}
      </Dialog.Description>
      <TextField
        type="datetime-local"
        label={t('calendar.move.when', { zone: shownZone })}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={error}
        required
      />
      <div className="dialog-actions">
        <Dialog.Close asChild>
          <button type="button" className="btn">
            {t('common.cancel')}
          </button>
        </Dialog.Close>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t('calendar.move.moving') : t('calendar.move.submit')}
        </button>
      </div>
    </form>
  );
}

/** FullCalendar may have re-rendered the card meanwhile: look it up again by its event id. */
function focusEvent(eventId: string) {
  const cards = document.querySelectorAll<HTMLElement>('.cad-card[data-event-id]');
  const card = [...cards].find((c) => c.dataset.eventId === eventId);
  card?.closest<HTMLElement>('.fc-event')?.focus();
}
