// The weekly report as an email, in the reader's language, HTML and text (issue 17, item 3).
// Figures only: the reader follows the link to the printable Reports page for the detail.
import type { Locale } from '@cadence/names';
import { DateTime } from 'luxon';
import type { WeeklyFigures } from '../reports/weekly-report';
import type { RenderedEmail } from './email-render';
import { escapeHtml } from './email-render';
import { EMAIL_WORDS, fill } from './email-words';

const WORDS = {
  en: {
    subject: 'Your weekly report for {workspace}: {from} to {last}',
    intro: 'What happened in {workspace} from {from} to {last}:',
    planned: 'Planned',
    published: 'Published',
    onTime: 'On time (within a minute)',
    failed: 'Failed',
    missed: 'Missed',
    approvals: 'Posts approved',
    turnaround: 'Time to approval (median)',
    none: 'none',
    open: 'Open the full report (printable)',
    stop: 'Stop the weekly report',
  },
  fr: {
    subject: 'Votre rapport de la semaine pour {workspace} : du {from} au {last}',
    intro: 'Ce qui s’est passé dans {workspace} du {from} au {last} :',
    planned: 'Prévues',
    published: 'Publiées',
    onTime: 'À l’heure (à une minute près)',
    failed: 'En échec',
    missed: 'Manquées',
    approvals: 'Publications approuvées',
    turnaround: 'Délai d’approbation (médiane)',
    none: 'aucune',
    open: 'Ouvrir le rapport complet (imprimable)',
    stop: 'Ne plus recevoir le rapport de la semaine',
  },
} satisfies Record<Locale, Record<string, string>>;

/** "3 h 20 min", "45 min", "2 j 4 h" / "2 d 4 h": whole units, the two largest. */
function formatDuration(locale: Locale, seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const day = locale === 'fr' ? 'j' : 'd';
  if (days > 0) return hours > 0 ? `${days} ${day} ${hours} h` : `${days} ${day}`;
  if (hours > 0) return mins > 0 ? `${hours} h ${mins} min` : `${hours} h`;
  return `${mins} min`;
}

export function renderWeeklyReportEmail(input: {
  locale: Locale;
  workspace: string;
  figures: WeeklyFigures;
  reportUrl: string;
  preferencesUrl: string;
}): RenderedEmail {
  const { locale, figures } = input;
  const words = WORDS[locale];
  const number = new Intl.NumberFormat(locale);
  const day = (iso: string) =>
    DateTime.fromISO(iso)
      .setLocale(locale)
      .toLocaleString({ day: 'numeric', month: 'long', year: 'numeric' });
  const dates = {
    workspace: input.workspace,
    from: day(figures.from),
    last: day(DateTime.fromISO(figures.to).minus({ days: 1 }).toISODate() as string),
  };
  const rows: [string, string][] = [
    [words.planned, number.format(figures.planned)],
    [words.published, number.format(figures.published)],
    [words.onTime, number.format(figures.onTime)],
    [words.failed, number.format(figures.failed)],
    [words.missed, number.format(figures.missed)],
    [words.approvals, number.format(figures.approvals)],
    [
      words.turnaround,
      figures.turnaroundP50Seconds === null
        ? words.none
        : formatDuration(locale, figures.turnaroundP50Seconds),
    ],
  ];
  const intro = fill(words.intro, dates);
  // French sets a non-breaking space before a colon.
  const colon = locale === 'fr' ? '\u00a0: ' : ': ';
  const footer = fill(EMAIL_WORDS[locale].footer, { workspace: input.workspace });
  const text = [
    intro,
    '',
    ...rows.map(([label, value]) => `${label}${colon}${value}`),
    '',
    `${words.open}${colon}${input.reportUrl}`,
    '',
    '--',
    footer,
    `${words.stop}${colon}${input.preferencesUrl}`,
  ].join('\n');
  const table = rows
    .map(
      ([label, value]) =>
        `<tr><th scope="row" style="text-align:left;padding:4px 16px 4px 0;font-weight:normal">${escapeHtml(label)}</th><td style="text-align:right;padding:4px 0"><strong>${escapeHtml(value)}</strong></td></tr>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="${locale}"><body style="font-family:system-ui,sans-serif;color:#1f2328">
<p>${escapeHtml(intro)}</p>
<table style="border-collapse:collapse;margin:0 0 16px">
${table}
</table>
<p><a href="${escapeHtml(input.reportUrl)}">${escapeHtml(words.open)}</a></p>
<hr><p style="font-size:12px;color:#59636e">${escapeHtml(footer)}<br><a href="${escapeHtml(input.preferencesUrl)}">${escapeHtml(words.stop)}</a></p>
</body></html>`;
  return { subject: fill(words.subject, dates), text, html };
}
