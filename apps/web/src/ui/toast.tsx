// Toasts (Radix): role=status, an optional action (Undo) reachable by keyboard (F8 jumps to the
// toast viewport), errors kept on screen longer than successes.
import * as Toast from '@radix-ui/react-toast';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ToastInput {
  message: string;
  kind?: 'success' | 'error' | 'info';
  action?: { label: string; onClick: () => void };
}

interface ToastItem extends ToastInput {
  id: number;
}

const Context = createContext<((toast: ToastInput) => void) | null>(null);
let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const show = useCallback((toast: ToastInput) => {
    setToasts((list) => [...list.slice(-3), { ...toast, id: nextId++ }]);
  }, []);
  const close = (id: number) => setToasts((list) => list.filter((x) => x.id !== id));
  return (
    <Context.Provider value={show}>
      <Toast.Provider swipeDirection="right" label={t('common.notifications')}>
        {children}
        {toasts.map((toast) => (
          <Toast.Root
            key={toast.id}
            className={`toast toast-${toast.kind ?? 'info'}`}
            duration={toast.kind === 'error' ? 10_000 : 6_000}
            onOpenChange={(open) => !open && close(toast.id)}
          >
            <Toast.Description className="toast-text">
              <span aria-hidden="true">
                {toast.kind === 'error' ? '⚠ ' : toast.kind === 'success' ? '✓ ' : ''}
              </span>
              {toast.message}
            </Toast.Description>
            {toast.action && (
              <Toast.Action asChild altText={toast.action.label}>
                <button type="button" className="btn btn-small" onClick={toast.action.onClick}>
                  {toast.action.label}
                </button>
              </Toast.Action>
            )}
            <Toast.Close className="btn btn-small btn-ghost" aria-label={t('common.close')}>
              ×
            </Toast.Close>
          </Toast.Root>
        ))}
        <Toast.Viewport className="toast-viewport" label={t('common.notificationsRegion')} />
      </Toast.Provider>
    </Context.Provider>
  );
}

/** Shows a toast; a no-op outside the provider (some component tests render screens bare). */
export function useToast() {
  const show = useContext(Context);
  return useMemo(() => show ?? (() => {}), [show]);
}
