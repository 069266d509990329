// Emails about a person's access rather than the workspace's work: an invitation to join, a
// password reset. Each carries one single-use link and says what to do if it was not expected.
// No "change which emails you receive" link: these are sent because someone asked for them.
import type { Locale } from '@cadence/names';
import { escapeHtml, type RenderedEmail } from './email-render';
import { EMAIL_WORDS, fill } from './email-words';

type AccountWords = {
  inviteSubject: string;
  inviteBody: string;
  inviteAction: string;
  inviteUnexpected: string;
  resetSubject: string;
  resetBody: string;
  resetAction: string;
  resetUnexpected: string;
};

const WORDS: Record<Locale, AccountWords> = {
  en: {
    inviteSubject: '{inviter} invited you to {workspace} on Cadence',
    inviteBody:
      '{inviter} invited you to join {workspace} on Cadence as {role}. The link below works once, for 7 days: set your password there, or accept with your existing Cadence account.',
    inviteAction: 'Accept the invitation',
    inviteUnexpected: 'Not expecting this? Ignore this email: nothing happens without you.',
    resetSubject: 'Reset your Cadence password',
    resetBody:
      'Someone, hopefully you, asked to reset the password of the Cadence account {email}. The link below works once, for one hour. Choosing a new password signs you out everywhere.',
    resetAction: 'Choose a new password',
    resetUnexpected: 'Not you? Ignore this email: your password stays as it is.',
  },
  fr: {
    inviteSubject: '{inviter} vous invite à rejoindre {workspace} sur Cadence',
    inviteBody:
      '{inviter} vous invite à rejoindre {workspace} sur Cadence en tant que {role}. Le lien ci-dessous fonctionne une seule fois, pendant 7 jours : choisissez-y votre mot de passe, ou acceptez avec votre compte Cadence existant.',
    inviteAction: 'Accepter l’invitation',
    inviteUnexpected: 'Vous ne vous y attendiez pas ? Ignorez cet e-mail : rien ne se fait sans vous.',
    resetSubject: 'Réinitialiser votre mot de passe Cadence',
    resetBody:
      'Quelqu’un, vous espérons-le, a demandé à réinitialiser le mot de passe du compte Cadence {email}. Le lien ci-dessous fonctionne une seule fois, pendant une heure. Choisir un nouveau mot de passe vous déconnecte partout.',
    resetAction: 'Choisir un nouveau mot de passe',
    resetUnexpected: 'Ce n’était pas vous ? Ignorez cet e-mail : votre mot de passe ne change pas.',
  },
};

function oneLinkEmail(
  locale: Locale,
  parts: { subject: string; body: string; action: string; link: string; unexpected: string },
): RenderedEmail {
  const text = [parts.body, '', `${parts.action}: ${parts.link}`, '', parts.unexpected].join('\n');
  const html = `<!doctype html>
<html lang="${locale}"><body style="font-family:system-ui,sans-serif;color:#1f2328">
<p>${escapeHtml(parts.body)}</p>
<p><a href="${escapeHtml(parts.link)}">${escapeHtml(parts.action)}</a></p>
<p style="font-size:12px;color:#59636e">${escapeHtml(parts.unexpected)}</p>
</body></html>`;
  return { subject: parts.subject, text, html };
}

export function renderInvitationEmail(input: {
  locale: Locale;
  workspace: string;
  inviterName: string | null;
  role: string;
  link: string;
}): RenderedEmail {
  const w = WORDS[input.locale];
  const base = EMAIL_WORDS[input.locale];
  const params = {
    inviter: input.inviterName ?? base.someone,
    workspace: input.workspace,
    role: base.roles[input.role] ?? '',
  };
  return oneLinkEmail(input.locale, {
    subject: fill(w.inviteSubject, params),
    body: fill(w.inviteBody, params),
    action: w.inviteAction,
    link: input.link,
    unexpected: w.inviteUnexpected,
  });
}

export function renderPasswordResetEmail(input: {
  locale: Locale;
  email: string;
  link: string;
}): RenderedEmail {
  const w = WORDS[input.locale];
  return oneLinkEmail(input.locale, {
    subject: w.resetSubject,
    body: fill(w.resetBody, { email: input.email }),
    action: w.resetAction,
    link: input.link,
    unexpected: w.resetUnexpected,
  });
}
