import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n/index';
import { jsonResponse, renderWithProviders } from '../../test/render';
import { browserTimeZone } from '../../ui/timezones';
import { SetupForm } from './setup-form';

afterEach(() => {
  vi.unstubAllGlobals();
});

async function fillValidForm() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Your name'), 'Ada Lovelace');
  await user.type(screen.getByLabelText('Email'), 'ada@example.com');
  await user.type(screen.getByLabelText('Password'), 'long enough');
  await user.type(screen.getByLabelText('Workspace name'), 'Acme');
  return user;
}

describe('SetupForm', () => {
  it('shows each problem of a 400 next to the field it concerns', async () => {
    const fetchMock = vi.fn(async (_req: Request) =>
      jsonResponse(400, {
        error: {
          code: 'validation_failed',
          message: 'body.password: must be at least 10 characters; body.workspace.timezone: bad',
          details: [
            { field: 'body.password', message: 'must be at least 10 characters' },
            { field: 'body.workspace.timezone', message: 'must be an IANA time zone such as Europe/Paris' },
          ],
        },
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const onDone = vi.fn();
    renderWithProviders(<SetupForm onDone={onDone} />);
    const user = await fillValidForm();
    await user.click(screen.getByRole('button', { name: 'Create my workspace' }));

    const password = screen.getByLabelText('Password');
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    const passwordError = document.getElementById(
      password.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '',
    );
    expect(passwordError?.textContent).toBe('must be at least 10 characters');

    const timezone = screen.getByLabelText('Time zone');
    expect(timezone.getAttribute('aria-invalid')).toBe('true');
    expect(timezone.closest('.field')?.textContent).toContain(
      'must be an IANA time zone such as Europe/Paris',
    );
    // Fields the server had no problem with stay clean.
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBeNull();
    expect(onDone).not.toHaveBeenCalled();

    const request = fetchMock.mock.calls[0]?.[0];
    expect(request?.method).toBe('POST');
    expect(new URL(request?.url ?? '').pathname).toBe('/api/v1/setup');
    expect(await request?.json()).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      password: 'long enough',
      workspace: { name: 'Acme', timezone: browserTimeZone(), locale: 'en' },
    });
  });

  it('refuses to send while a required field is empty', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<SetupForm onDone={vi.fn()} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Create my workspace' }));
    await waitFor(() => expect(screen.getByLabelText('Your name').getAttribute('aria-invalid')).toBe('true'));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('refuses a password shorter than the server accepts, before sending, in the page language', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    await i18n.changeLanguage('fr');
    renderWithProviders(<SetupForm onDone={vi.fn()} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Mot de passe'), 'short');
    await user.click(screen.getByRole('button', { name: 'Créer mon espace de travail' }));
    await screen.findByText('Le mot de passe doit compter au moins 10 caractères.');
    expect(fetchMock).not.toHaveBeenCalled();
    // The workspace language follows the page's language until someone picks one.
    expect((screen.getByLabelText('Langue de l’espace de travail') as HTMLSelectElement).value).toBe('fr');
  });

  it('finishes when the server creates the workspace', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(201, {
          user: { id: crypto.randomUUID(), email: 'ada@example.com', name: 'Ada', locale: 'en' },
          csrfToken: 'csrf',
          workspaces: [],
        }),
      ),
    );
    const onDone = vi.fn();
    renderWithProviders(<SetupForm onDone={onDone} />);
    const user = await fillValidForm();
    await user.click(screen.getByRole('button', { name: 'Create my workspace' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
  });
});
