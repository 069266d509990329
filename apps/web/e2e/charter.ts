// Browser test of issue 12, item 9, against the real server and Debian's Chromium: a manager, in
// French, sets a blackout period with a label and a second posting window on Monday, and bans
// "gratuit*" with its word forms. A wrong period is refused beside its field in French before
// anything is sent; a save over a version saved meanwhile is explained and kept. The calendar then
// shows the blackout (week, month and list), and the composer refuses "gratuitement".
// Screenshots of the charter page and the calendar in French and English, desktop and phone.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import en from '../src/i18n/en.json';
import fr from '../src/i18n/fr.json';
import { launchChromium } from './browser';
import { repoRoot, startServer } from './server';
import { api, expect, fill, type Session } from './page-helpers';

const shots = path.join(repoRoot, 'artifacts/screenshots');
const PASSWORD = 'correct horse battery 42';
const ZONE = 'Europe/Paris';
const LABEL = 'Vacances de test';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function join(
  url: string,
  owner: Session,
  ws: string,
  who: { email: string; name: string },
  locale: string,
) {
  const invited = await api(url, owner, 'POST', `/workspaces/${ws}/invitations`, {
    email: who.email,
    role: 'manager',
  });
  await api(url, null, 'POST', '/invitations/register', {
    token: invited.json.token,
    name: who.name,
    password: PASSWORD,
    locale,
  });
}

async function openAs(browser: Browser, url: string, email: string, lang: 'fr' | 'en', viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
  const page = await context.newPage();
  const d = lang === 'fr' ? fr : en;
  await page.goto(`${url}/login`);
  await page.getByLabel(d.login.email).fill(email);
  await page.getByLabel(d.login.password).fill(PASSWORD);
  await page.getByRole('button', { name: d.login.submit }).click();
  await page.waitForURL('**/calendar*');
  // Signed in, the interface follows the workspace (French) until the person chooses; on a phone
  // the language switch is behind the menu.
  if (lang === 'en') {
    await page.getByTestId('notification-bell').waitFor();
    const menu = page.locator('.phone-menu-button');
    if (await menu.isVisible()) await menu.click();
    await page.getByRole('button', { name: 'English', exact: true }).click();
    if ((await menu.getAttribute('aria-expanded').catch(() => null)) === 'true') await menu.click();
  }
  return page;
}

async function shot(page: Page, name: string, fullPage = false) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage });
  console.log(`  ✓ ${name}`);
}

/** In French: a wrong period refused in words, then a good one, a Monday window, "gratuit*". */
async function editCharter(page: Page, url: string, day: string) {
  const d = fr.charter;
  await page.goto(`${url}/charter`);
  await page.getByRole('checkbox', { name: d.rules.blackoutDates, exact: true }).check();
  await page.getByRole('button', { name: d.blackout.add }).click();
  const next = DateTime.fromISO(day).plus({ days: 1 }).toISODate() as string;
  await page.getByLabel(d.blackout.from, { exact: true }).fill(next);
  await page.getByLabel(d.blackout.to, { exact: true }).fill(day);
  await page.getByLabel(d.blackout.label, { exact: true }).fill(LABEL);
  await page.getByRole('button', { name: d.save }).click();
  // Refused before sending, beside the field and in the list, in French, naming rule and period.
  const problem = `${d.rules.blackoutDates}, ${fill(d.problems.period, { n: 1 })}${d.problems.colon}${d.problems.blackoutOrder}`;
  await page.getByText(problem).waitFor();
  const toField = page.getByLabel(d.blackout.to, { exact: true });
  expect((await toField.getAttribute('aria-invalid')) === 'true', 'the "Au" field is marked invalid');
  await toField.scrollIntoViewIfNeeded();
  await shot(page, 'charter-problem-fr-desktop');
  await page.getByLabel(d.blackout.from, { exact: true }).fill(day);
  await page.getByLabel(d.blackout.to, { exact: true }).fill(next);

  await page.getByRole('checkbox', { name: d.rules.postingWindows, exact: true }).check();
  await page.getByRole('button', { name: fill(d.windows.addFor, { day: 'lundi' }) }).click();
  await page.getByLabel(fill(d.windows.start, { day: 'lundi', n: 2 })).fill('14:00');
  await page.getByLabel(fill(d.windows.end, { day: 'lundi', n: 2 })).fill('16:00');
  // The first Monday window, 09:00-18:00 by default, now ends at noon.
  await page.getByLabel(fill(d.windows.end, { day: 'lundi', n: 1 })).fill('12:00');

  await page.getByRole('checkbox', { name: d.rules.bannedPhrases, exact: true }).check();
  const phrases = page.getByLabel(fill(d.onePerLine, { rule: d.rules.bannedPhrases }));
  await phrases.fill('gratuit*');
  await phrases.blur();
  await page.getByText(d.wordForms.hint).waitFor();
  await page.getByLabel(fill(d.severityOf, { rule: d.rules.bannedPhrases })).selectOption('block');
  await page.getByRole('button', { name: d.save }).click();
  await page.getByText(d.saved).first().waitFor();
  await page.getByText(fill(d.inForce, { version: 1 })).waitFor();
}

/** Someone saves meanwhile: the page says so, keeps the change and saves it over theirs. */
async function conflict(page: Page, url: string, owner: Session, ws: string) {
  const d = fr.charter;
  const current = await api(url, owner, 'GET', `/workspaces/${ws}/charter`);
  const rules = current.json.rules as { rules: Record<string, unknown> };
  await api(url, owner, 'PUT', `/workspaces/${ws}/charter`, {
    rules: { ...rules, rules: { ...rules.rules, tone: 'Chaleureux' } },
    baseVersion: 1,
  });
  // On LinkedIn, the blackout does not apply at all (null in its override); back to all networks.
  await page.getByLabel(d.scope).selectOption('linkedin');
  const offOn = page.getByRole('group', { name: fill(d.offOn.title, { network: 'LinkedIn' }) });
  await offOn.getByRole('checkbox', { name: d.rules.blackoutDates }).check();
  await shot(page, 'charter-override-fr-desktop');
  await page.getByLabel(d.scope).selectOption('workspace');
  await page.getByRole('checkbox', { name: d.rules.minSpacingMinutes, exact: true }).check();
  await page.getByRole('button', { name: d.save }).click();
  await page.getByText(d.conflictTitle).waitFor();
  await page.getByText(fill(d.conflictBody, { base: 1, theirs: 2 })).scrollIntoViewIfNeeded();
  await shot(page, 'charter-conflict-fr-desktop');
  await page.getByRole('button', { name: fill(d.conflictSaveMine, { next: 3 }) }).click();
  await page.getByText(fill(d.inForce, { version: 3 })).waitFor();
  const saved = await api(url, owner, 'GET', `/workspaces/${ws}/charter`);
  const kept = saved.json.rules as {
    rules: Record<string, { phrases?: string[] } | undefined>;
    overrides: Record<string, Record<string, unknown>>;
  };
  expect(kept.overrides.linkedin?.blackoutDates === null, 'the blackout is switched off on LinkedIn');
  expect(kept.rules.minSpacingMinutes !== undefined, 'the spacing typed before the conflict is saved');
  expect(kept.rules.bannedPhrases?.phrases?.[0] === 'gratuit*', 'the word-forms phrase is saved');
}

async function calendar(page: Page, url: string, day: string, lang: 'fr' | 'en', viewport: string) {
  const d = lang === 'fr' ? fr : en;
  const label = fill(d.calendar.shade.blackout, { label: LABEL });
  for (const view of ['week', 'month', 'list'] as const) {
    await page.goto(`${url}/calendar?view=${view}&date=${day}`);
    await page.locator('[data-testid="calendar"][data-ready="true"]').waitFor();
    // In the grids the label alone shows (the sentence is its accessible name); the list says it all.
    const shown =
      view === 'list'
        ? page.locator('.blackout-label', { hasText: label }).first()
        : page.locator(`.blackout-label[aria-label="${label}"]`, { hasText: LABEL }).first();
    await shown.waitFor({ timeout: 10_000 });
    if (view !== 'list') {
      const title = await page.locator('.fc-bg-event.blackout-shade').first().getAttribute('title');
      expect(title === label, `${view}: hovering the shaded day names it (${title})`);
      await shown.focus();
    }
    if (view === 'week') {
      expect((await page.locator('.fc-bg-event.closed-shade').count()) > 0, 'closed hours are shaded');
    }
    await shot(page, `charter-calendar-${view}-${lang}-${viewport}`);
  }
}

async function composerRefuses(page: Page, url: string) {
  const d = fr.composer;
  await page.goto(`${url}/posts/new`);
  await page.getByRole('checkbox', { name: /Bac à sable/ }).check();
  await page.getByLabel(d.textBase).fill('Livraison gratuitement offerte ce week-end');
  const checks = page.locator('section.checks');
  await checks
    .getByText(/gratuit.*fait partie des expressions interdites/)
    .first()
    .waitFor();
  await page.getByText(d.blockedHint).waitFor();
  const schedule = page.getByRole('button', { name: new RegExp(d.scheduleMenu) }).first();
  expect(await schedule.isDisabled(), 'scheduling is refused while "gratuitement" is in the text');
  await shot(page, 'charter-composer-gratuitement-fr-desktop');
}

async function main() {
  mkdirSync(shots, { recursive: true });
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const { url } = server;
    const setup = await api(url, null, 'POST', '/setup', {
      email: 'olivia@example.com',
      name: 'Olivia Owner',
      password: PASSWORD,
      workspace: { name: 'Atelier Social', timezone: ZONE, locale: 'fr' },
    });
    const owner = setup.session as Session;
    const ws = (setup.json.workspaces as { id: string }[])[0]?.id as string;
    await api(url, owner, 'POST', `/workspaces/${ws}/channels`, {
      network: 'sandbox',
      displayName: 'Bac à sable',
      handle: '@bac',
    });
    await join(url, owner, ws, { email: 'marie@example.com', name: 'Marie Manager' }, 'fr');
    await join(url, owner, ws, { email: 'max@example.com', name: 'Max Manager' }, 'en');
    // A Monday a week or two ahead, so the week view shows the Monday windows and the blackout.
    const day = DateTime.now().setZone(ZONE).plus({ weeks: 1 }).startOf('week').toISODate() as string;

    const marie = await openAs(browser, url, 'marie@example.com', 'fr');
    await editCharter(marie, url, day);
    await shot(marie, 'charter-page-fr-desktop', true);
    await conflict(marie, url, owner, ws);
    await calendar(marie, url, day, 'fr', 'desktop');
    await composerRefuses(marie, url);

    for (const [lang, email] of [
      ['fr', 'marie@example.com'],
      ['en', 'max@example.com'],
    ] as const) {
      for (const [name, viewport] of [
        ['desktop', DESKTOP],
        ['phone', PHONE],
      ] as const) {
        if (lang === 'fr' && name === 'desktop') continue;
        const page = await openAs(browser, url, email, lang, viewport);
        await page.goto(`${url}/charter`);
        await page
          .getByRole('checkbox', { name: (lang === 'fr' ? fr : en).charter.rules.blackoutDates })
          .waitFor();
        await shot(page, `charter-page-${lang}-${name}`, true);
        if (name === 'desktop') await calendar(page, url, day, lang, name);
        else {
          await page.goto(`${url}/calendar?view=list&date=${day}`);
          await page.locator('.blackout-label').first().waitFor();
          await shot(page, `charter-calendar-list-${lang}-${name}`);
        }
        await page.context().close();
      }
    }
    console.log('charter browser test passed');
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
