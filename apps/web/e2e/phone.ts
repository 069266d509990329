// Phone-size browser test (390x844, touch) against the real server and Debian's Chromium: the
// navigation folds into a menu button (aria-expanded, focus moves in and comes back on Escape), the
// calendar opens as a list, the drafts panel is a sheet, sign-in follows a French browser, and no
// screen scrolls sideways or offers a button smaller than a thumb (44 px). Screenshots of each screen go to artifacts/screenshots/phone-*.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import d from '../src/i18n/en.json';
import { repoRoot, startServer } from './server';
import { launchChromium } from './browser';
import { expect } from './page-helpers';

const shots = path.join(repoRoot, 'artifacts/screenshots');
const owner = { name: 'Ada Lovelace', email: 'ada@example.com', password: 'correct horse battery' };
const editor = { name: 'Eddie Editor', email: 'eddie@example.com', password: 'editor password 42' };
const PHONE = { width: 390, height: 844 };
const ZONE = 'Europe/Paris';
const fill = (s: string, values: Record<string, string>) =>
  s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

async function signOut(page: Page, who: { name: string }) {
  await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await page.getByRole('button', { name: fill(d.userMenu.open, { name: who.name }) }).click();
  await page.getByRole('menuitem', { name: d.userMenu.signOut }).click();
  await page.waitForURL('**/login*');
}

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.getByLabel(d.login.email).fill(who.email);
  await page.getByLabel(d.login.password).fill(who.password);
  await page.getByRole('button', { name: d.login.submit }).click();
  await page.waitForURL('**/calendar*');
}

/** With a thumb: an editor writes and submits a post, the owner approves and schedules it, and
 * the calendar (a list on a phone) shows it at its time. */
async function writeApproveSchedule(page: Page, origin: string) {
  await page.goto(`${origin}/channels`);
  await page
    .getByRole('button', { name: d.channels.connectWith.replace('{{network}}', d.networks.sandbox) })
    .click();
  await page
    .getByRole('listitem')
    .filter({ hasText: '@sandbox-1' })
    .getByText(d.channels.status.connected)
    .waitFor();
  await page.goto(`${origin}/settings/members`);
  await page.getByLabel(d.members.email, { exact: true }).fill(editor.email);
  await page.getByLabel(d.members.role, { exact: true }).selectOption('editor');
  await page.getByRole('button', { name: d.members.inviteSubmit }).click();
  const link = (await page.getByTestId('invitation-link').textContent()) ?? '';
  await signOut(page, owner);

  await page.goto(link);
  await page.getByLabel(d.invitation.name).fill(editor.name);
  await page.getByLabel(d.invitation.password).fill(editor.password);
  await page.getByRole('button', { name: d.invitation.createAndJoin }).click();
  await page.waitForURL('**/calendar*');
  const text = 'Spring launch, written on a phone';
  await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await page.getByRole('link', { name: `+ ${d.nav.newPost}` }).click();
  await page.getByRole('checkbox', { name: /Sandbox 1/ }).check();
  await page.getByLabel(d.composer.textBase).fill(text);
  await checkThumbFriendly(page, 'composer (editor)');
  await shot(page, 'w-composer');
  await page.getByRole('button', { name: d.composer.submitForReview }).click();
  await page.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
  const postId = page.url().split('/').at(-1) ?? '';
  await page.getByTestId('post-status').filter({ hasText: d.status.in_review }).waitFor();
  await checkThumbFriendly(page, 'post page');
  await shot(page, 'w-post-submitted');
  await signOut(page, editor);

  await signIn(page, owner);
  await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await page.getByRole('link', { name: new RegExp(d.nav.review) }).click();
  await page.getByRole('link', { name: new RegExp(text) }).click();
  await page.waitForURL(`**/review/${postId}`);
  const at = DateTime.now().setZone(ZONE).plus({ days: 1 }).set({ hour: 10, minute: 30 });
  await page.getByLabel(fill(d.composer.when, { zone: ZONE })).fill(at.toFormat("yyyy-MM-dd'T'HH:mm"));
  await checkThumbFriendly(page, 'review detail');
  await shot(page, 'w-review');
  await page.getByRole('button', { name: d.review.approveSchedule }).click();
  await page.locator('.toast-text', { hasText: d.review.done.approveSchedule }).first().waitFor();

  // The calendar on a phone: the list, at the post's week, with its time.
  await page.goto(`${origin}/calendar?date=${at.toISODate()}`);
  const entry = page.getByText(text).first();
  await entry.waitFor();
  expect(new URL(page.url()).searchParams.get('view') === 'list', 'the phone calendar is a list');
  await page.getByText('10:30').first().waitFor();
  await checkThumbFriendly(page, 'calendar with a post');
  await shot(page, 'w-calendar-list');
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(shots, `phone-${name}.png`), fullPage: true });
  console.log(`  ✓ phone-${name}`);
}

/** The page fits the phone's width, and every visible control is at least 44 px tall. */
async function checkThumbFriendly(page: Page, screen: string) {
  // Against the phone's width, not innerWidth: a mobile browser zooms out to fit a page that is too
  // wide, which would widen innerWidth with it.
  const report = await page.evaluate((width) => {
    const overflow = document.documentElement.scrollWidth - width;
    const small: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      'main button, main select, main input:not([type=checkbox]):not([type=radio]):not([type=hidden]), main a.btn, nav button, nav a',
    );
    for (const el of controls) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue; // not shown
      if (box.height < 43.5)
        small.push(
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.height)}px`,
        );
    }
    return { overflow, small };
  }, PHONE.width);
  expect(report.overflow <= 0, `${screen}: the page scrolls sideways by ${report.overflow}px`);
  expect(report.small.length === 0, `${screen}: controls under 44 px: ${report.small.join('; ')}`);
}

async function run(page: Page, url: string) {
  await page.goto(url);
  await page.waitForURL('**/setup');
  await shot(page, 'setup');
  await checkThumbFriendly(page, 'setup');
  await page.getByLabel('Your name').fill(owner.name);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByLabel('Workspace name').fill('Acme Social');
  await page.getByLabel('Time zone').selectOption('Europe/Paris');
  await page.getByLabel('Workspace language').selectOption('en');
  await page.getByRole('button', { name: 'Create my workspace' }).click();

  // A phone opens the calendar as a list (the month grid is unreadable at 390 px).
  await page.waitForURL('**/calendar?*');
  await page.getByText('No posts this week').waitFor();
  expect(new URL(page.url()).searchParams.get('view') === 'list', 'a phone opens the list view');
  await checkThumbFriendly(page, 'calendar');
  await shot(page, 'calendar-list');

  // The navigation is behind a menu button.
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  expect((await menu.getAttribute('aria-expanded')) === 'false', 'the menu starts closed');
  expect(!(await page.getByRole('link', { name: 'Settings' }).isVisible()), 'the nav is folded');
  await menu.click();
  expect((await menu.getAttribute('aria-expanded')) === 'true', 'the button says the menu is open');
  const focusInNav = await page.evaluate(() => !!document.activeElement?.closest('#main-nav'));
  expect(focusInNav, 'opening the menu moves focus into it');
  await checkThumbFriendly(page, 'menu');
  await shot(page, 'menu-open');
  await page.keyboard.press('Escape');
  expect((await menu.getAttribute('aria-expanded')) === 'false', 'Escape closes the menu');
  expect(await menu.evaluate((el) => el === document.activeElement), 'focus returns to the menu button');

  // The drafts panel is a sheet that gives focus back when closed.
  const draftsButton = page.getByRole('button', { name: 'Show drafts' });
  await draftsButton.click();
  const sheet = page.getByRole('dialog', { name: 'Drafts' });
  await sheet.getByRole('searchbox').waitFor();
  await shot(page, 'drafts-sheet');
  await sheet.getByRole('button', { name: 'Close' }).click();
  await sheet.waitFor({ state: 'detached' });
  expect(
    await draftsButton.evaluate((el) => el === document.activeElement),
    'focus returns to the drafts button',
  );

  // The view switch still offers the month.
  await page.getByRole('button', { name: 'Month' }).click();
  await page.getByText('No posts this month').waitFor();
  await checkThumbFriendly(page, 'calendar month');
  await shot(page, 'calendar-month');

  const screens: [string, string][] = [
    ['Review', 'review'],
    ['Campaigns', 'campaigns'],
    ['Charter', 'charter'],
    ['Channels', 'channels'],
    ['Settings', 'settings'],
  ];
  for (const [link, name] of screens) {
    await menu.click();
    await page.getByRole('link', { name: link, exact: true }).click();
    await page.locator('.phone-menu-button[aria-expanded="false"]').waitFor(); // following a link closes it
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await checkThumbFriendly(page, name);
    await shot(page, name);
  }
  await menu.click();
  await page.getByRole('link', { name: 'New post' }).click();
  await page.waitForURL('**/posts/new*');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await checkThumbFriendly(page, 'composer');
  await shot(page, 'composer');
}

async function main() {
  if (!existsSync(path.join(repoRoot, 'apps/web/dist/index.html'))) {
    console.error('The web app is not built: run "pnpm --filter @cadence/web build" (pnpm test:e2e does).');
    process.exit(1);
  }
  mkdirSync(shots, { recursive: true });
  const server = await startServer();
  const browser = await launchChromium();
  const problems: string[] = [];
  try {
    const context = await browser.newContext({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      locale: 'en-GB',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    try {
      await run(page, server.url);
      await writeApproveSchedule(page, server.url);
    } catch (e) {
      await page.screenshot({ path: path.join(shots, 'phone-failure.png'), fullPage: true }).catch(() => {});
      throw e;
    }
    // A French browser that never chose a language: sign-in opens in French.
    const french = await browser.newContext({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      locale: 'fr-FR',
    });
    const frenchPage = await french.newPage();
    await frenchPage.goto(`${server.url}/login`);
    await frenchPage.getByRole('heading', { name: 'Se connecter à Cadence' }).waitFor();
    expect((await frenchPage.getAttribute('html', 'lang')) === 'fr', 'the page says it is in French');
    await checkThumbFriendly(frenchPage, 'login');
    await shot(frenchPage, 'login-fr');
    if (problems.length) throw new Error(`The browser reported problems:\n${problems.join('\n')}`);
    console.log('Phone browser test passed.');
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
