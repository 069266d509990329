// One notification email (or digest) as subject, text and HTML. Every value from people (names,
// post text, channel names) is escaped in the HTML: an email is not a place to run their markup.
import type { Locale, NotificationKind } from '@cadence/names';
import { EMAIL_WORDS, fill } from './email-words';

export interface EmailItem {
  kind: NotificationKind;
  params: Record<string, string | number | null>;
  actorName: string | null;
  link: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export function notificationLine(locale: Locale, item: Omit<EmailItem, 'link'>): string {
  const words = EMAIL_WORDS[locale];
  const role = typeof item.params.role === 'string' ? (words.roles[item.params.role] ?? '') : '';
  return fill(words[item.kind], {
    ...item.params,
    role,
    actor: item.actorName ?? words.someone,
  });
}

function layout(
  locale: Locale,
  workspace: string,
  preferencesUrl: string,
  lines: { text: string; link: string }[],
  intro?: string,
) {
  const words = EMAIL_WORDS[locale];
  const footer = fill(words.footer, { workspace });
  const text = [
    ...(intro ? [intro, ''] : []),
    ...lines.flatMap((l) => [l.text, `${words.open}: ${l.link}`, '']),
    '--',
    footer,
    `${words.preferences}: ${preferencesUrl}`,
  ].join('\n');
  const items = lines
    .map(
      (l) =>
        `<p style="margin:0 0 16px">${escapeHtml(l.text)}<br><a href="${escapeHtml(l.link)}">${escapeHtml(words.open)}</a></p>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="${locale}"><body style="font-family:system-ui,sans-serif;color:#1f2328">
${intro ? `<p>${escapeHtml(intro)}</p>\n` : ''}${items}
<hr><p style="font-size:12px;color:#59636e">${escapeHtml(footer)}<br><a href="${escapeHtml(preferencesUrl)}">${escapeHtml(words.preferences)}</a></p>
</body></html>`;
  return { text, html };
}

export function renderNotificationEmail(input: {
  locale: Locale;
  workspace: string;
  preferencesUrl: string;
  item: EmailItem;
}): RenderedEmail {
  const line = notificationLine(input.locale, input.item);
  return {
    subject: line.length > 120 ? `${line.slice(0, 117)}…` : line,
    ...layout(input.locale, input.workspace, input.preferencesUrl, [{ text: line, link: input.item.link }]),
  };
}

export function renderDigestEmail(input: {
  locale: Locale;
  workspace: string;
  preferencesUrl: string;
  items: EmailItem[];
  /** All that waited, when more than the items listed (a storm): the rest are counted, not listed. */
  total?: number;
  /** Where the rest can be read (the app). */
  appUrl?: string;
}): RenderedEmail {
  const words = EMAIL_WORDS[input.locale];
  const number = new Intl.NumberFormat(input.locale);
  const total = Math.max(input.total ?? 0, input.items.length);
  const lines = input.items.map((item) => ({ text: notificationLine(input.locale, item), link: item.link }));
  if (total > input.items.length && input.appUrl)
    lines.push({
      text: fill(words.digestMore, { count: number.format(total - input.items.length) }),
      link: input.appUrl,
    });
  return {
    subject: fill(words.digestSubject, { count: number.format(total) }),
    ...layout(
      input.locale,
      input.workspace,
      input.preferencesUrl,
      lines,
      fill(words.digestIntro, { workspace: input.workspace }),
    ),
  };
}
