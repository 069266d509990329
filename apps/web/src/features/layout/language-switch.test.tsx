import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useTranslation } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n/index';
import { renderWithProviders } from '../../test/render';
import { CurrentWorkspaceProvider } from '../session/current-workspace';
import type { Session } from '../session/session-queries';
import { LanguageSwitch } from './language-switch';

function CalendarLabel() {
  const { t } = useTranslation();
  return <p data-testid="label">{t('nav.calendar')}</p>;
}

const other = (l: 'en' | 'fr') => (l === 'fr' ? 'en' : 'fr');
/** A person whose profile says `locale`, in a workspace that speaks the other language. */
const session = (locale: 'en' | 'fr'): Session => ({
  user: { id: '11111111-1111-4111-8111-111111111111', email: 'ada@example.com', name: 'Ada', locale },
  csrfToken: 'csrf',
  workspaces: [
    {
      id: '22222222-2222-4222-8222-222222222222',
      name: 'Acme',
      timezone: 'Europe/Paris',
      locale: other(locale),
      role: 'owner',
      requiredApprovals: 1,
      approvalScope: 'editors_and_tokens',
      replyApproval: false,
      firstResponseTargetMinutes: null,
      workingDays: [1, 2, 3, 4, 5],
      workingHoursStart: '09:00',
      workingHoursEnd: '18:00',
      createdAt: '2025-01-01T00:00:00.000Z',
    },
  ],
});

describe('LanguageSwitch', () => {
  it('switches the interface to French and remembers the choice', async () => {
    renderWithProviders(
      <>
        <LanguageSwitch />
        <CalendarLabel />
      </>,
    );
    expect(screen.getByTestId('label').textContent).toBe('Calendar');
    const french = screen.getByRole('button', { name: 'Français' });
    expect(french.getAttribute('aria-pressed')).toBe('false');

    await userEvent.setup().click(french);

    await waitFor(() => expect(screen.getByTestId('label').textContent).toBe('Calendrier'));
    expect(french.getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('fr');
    expect(window.localStorage.getItem('cadence.language')).toBe('fr');
  });

  it("follows the person's profile language, not the workspace's, when they have not chosen here", async () => {
    renderWithProviders(
      <CurrentWorkspaceProvider session={session('fr')}>
        <CalendarLabel />
      </CurrentWorkspaceProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('label').textContent).toBe('Calendrier'));
  });

  it("keeps the choice made in this browser over the profile's language", async () => {
    const s = session('fr');
    renderWithProviders(
      <CurrentWorkspaceProvider session={s}>
        <LanguageSwitch userId={s.user.id} />
        <CalendarLabel />
      </CurrentWorkspaceProvider>,
    );
    await waitFor(() => expect(i18n.language).toBe('fr'));
    await userEvent.setup().click(screen.getByRole('button', { name: 'English' }));
    await waitFor(() => expect(screen.getByTestId('label').textContent).toBe('Calendar'));
    expect(window.localStorage.getItem(`cadence.language.${s.user.id}`)).toBe('en');
  });
});
