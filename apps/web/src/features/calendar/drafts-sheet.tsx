// On a phone the drafts panel is a bottom sheet: a button under the calendar opens it, Radix traps
// focus inside and gives it back to the button on close. Each draft opens in the composer, where
// the date is chosen (dragging onto a 390 px calendar is not a thumb's job).
import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface DraftsSheetProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
}

export function DraftsSheet({ open, onOpenChange, children }: DraftsSheetProps) {
  const { t } = useTranslation();
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>
        <button type="button" className="btn drafts-sheet-button">
          {t('calendar.drafts.show')}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="sheet" aria-describedby={undefined}>
          <div className="sheet-head">
            <Dialog.Title className="visually-hidden">{t('calendar.drafts.title')}</Dialog.Title>
            <Dialog.Close asChild>
              <button type="button" className="btn">
                {t('common.close')}
              </button>
            </Dialog.Close>
          </div>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
