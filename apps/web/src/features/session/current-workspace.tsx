// The workspace the signed-in person is working in, remembered per person in this browser, and the
// interface language (their choice in this browser first, else their profile's language).
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../../i18n/index';
import { languageFor } from '../../i18n/language';
import type { MembershipWorkspace, Session } from './session-queries';

interface CurrentWorkspace {
  session: Session;
  workspace: MembershipWorkspace;
  selectWorkspace: (id: string) => void;
}

const Context = createContext<CurrentWorkspace | null>(null);
const storageKey = (userId: string) => `cadence.workspace.${userId}`;

/** Makes this workspace the one opened next (after accepting an invitation to it). */
export function rememberWorkspace(userId: string, workspaceId: string) {
  try {
    window.localStorage.setItem(storageKey(userId), workspaceId);
  } catch {
    // storage disabled: the first workspace opens instead
  }
}

function readStored(userId: string): string | null {
  try {
    return window.localStorage.getItem(storageKey(userId));
  } catch {
    return null;
  }
}

export function CurrentWorkspaceProvider({ session, children }: { session: Session; children: ReactNode }) {
  const [selectedId, setSelectedId] = useState(() => readStored(session.user.id));
  const workspace = session.workspaces.find((w) => w.id === selectedId) ?? session.workspaces[0];

  // Only on sign-in and when the profile's language changes: a later explicit choice must not be undone.
  useEffect(() => {
    const language = languageFor(session.user.id, session.user.locale);
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [session.user.id, session.user.locale]);

  const value = useMemo(
    () =>
      workspace && {
        session,
        workspace,
        selectWorkspace: (id: string) => {
          setSelectedId(id);
          try {
            window.localStorage.setItem(storageKey(session.user.id), id);
          } catch {
            // storage disabled: the choice lasts for this page only
          }
        },
      },
    [session, workspace],
  );
  if (!value) return <NoWorkspace />;
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

function NoWorkspace() {
  const { t } = useTranslation();
  return (
    <main className="centered-page">
      <h1>{t('workspace.none.title')}</h1>
      <p>{t('workspace.none.body')}</p>
    </main>
  );
}

export function useCurrentWorkspace(): CurrentWorkspace {
  const value = useContext(Context);
  if (!value) throw new Error('useCurrentWorkspace needs CurrentWorkspaceProvider');
  return value;
}
