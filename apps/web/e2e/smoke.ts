// Browser smoke test against the real server and Debian's Chromium (never a downloaded browser):
// first-run setup in English, the empty calendar, sign out, sign in, an API token shown once,
// then French. Screenshots go to artifacts/screenshots/. Run with `pnpm test:e2e` (builds first).
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot, startServer } from './server';
import { CHROMIUM_PATH as CHROMIUM, launchChromium } from './browser';
import { expect } from './page-helpers';

const shots = path.join(repoRoot, 'artifacts/screenshots');
const owner = { name: 'Ada Lovelace', email: 'ada@example.com', password: 'correct horse battery' };

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  console.log(`  ✓ ${name}`);
}

async function run(page: Page, url: string) {
  await page.goto(url);
  await page.waitForURL('**/setup');
  await page.getByRole('heading', { name: 'Welcome to Cadence' }).waitFor();
  await shot(page, '01-setup-en');

  await page.getByLabel('Your name').fill(owner.name);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill('short');
  await page.getByLabel('Workspace name').fill('Acme Social');
  await page.getByLabel('Time zone').selectOption('Europe/Paris');
  await page.getByLabel('Workspace language').selectOption('en');
  await page.getByRole('button', { name: 'Create my workspace' }).click();
  // The form checks the server's password rule before sending, and says so beside the field.
  await page.getByText('The password needs at least 10 characters.').waitFor();
  await shot(page, '02-setup-field-error');
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Create my workspace' }).click();

  await page.waitForURL('**/calendar?*');
  await page.getByText('No posts this month').waitFor();
  await page.getByText(/Europe\/Paris · UTC[+-]\d/).waitFor();
  expect(new URL(page.url()).searchParams.get('view') === 'month', 'the URL holds the view');
  await shot(page, '03-calendar-month-en');
  await page.getByRole('button', { name: 'Week' }).click();
  await page.getByText('No posts this week').waitFor();
  expect(new URL(page.url()).searchParams.get('view') === 'week', 'the URL follows the view');
  await shot(page, '04-calendar-week-en');
  // The browser runs in Toronto: "My time" shows the calendar there, and says so in the chip.
  await page.getByRole('button', { name: 'My time' }).click();
  await page.getByText(/America\/Toronto · UTC-\d/).waitFor();
  expect(new URL(page.url()).searchParams.get('tz') === 'mine', 'the URL holds the zone shown');
  await shot(page, '04b-calendar-week-my-zone-en');
  await page.getByRole('button', { name: 'Workspace time' }).click();
  await page.getByText(/Europe\/Paris · UTC[+-]\d/).waitFor();
  expect(!new URL(page.url()).searchParams.has('tz'), 'the workspace zone is the default');

  await page.getByRole('button', { name: `Account menu for ${owner.name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL('**/login*');
  await page.getByRole('heading', { name: 'Sign in to Cadence' }).waitFor();
  await shot(page, '05-login-en');

  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/calendar*');
  await page.getByText('No posts this month').waitFor();

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'API tokens' }).click();
  await page.getByLabel('Name').fill('CI script');
  await page.getByRole('button', { name: 'Create token' }).click();
  const secret = (await page.getByTestId('token-secret').textContent()) ?? '';
  expect(secret.length >= 20, 'the new token secret is shown once');
  await shot(page, '06-api-token-created-en');

  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('link', { name: 'Calendrier' }).click();
  await page.getByText('Aucune publication ce mois-ci').waitFor();
  await shot(page, '07-calendar-month-fr');
  await page.getByRole('button', { name: 'Semaine' }).click();
  await page.getByText('Aucune publication cette semaine').waitFor();
  await shot(page, '08-calendar-week-fr');
  await page.reload();
  await page.getByRole('link', { name: 'Paramètres' }).waitFor(); // the choice survives a reload
  await page.getByRole('link', { name: 'Comptes' }).click();
  await page.getByText('Aucun compte connecté').waitFor();
  // One click per network (the sandbox needs no credentials); channels are numbered.
  await page.getByRole('button', { name: 'Connecter Bac à sable', exact: true }).click();
  await page.getByRole('listitem').filter({ hasText: '@sandbox-1' }).getByText('Connecté').waitFor();
  await shot(page, '09-channels-fr');
}

async function main() {
  if (!existsSync(CHROMIUM)) {
    console.error(`No browser at ${CHROMIUM}: install Debian's with "apt-get install -y chromium".`);
    process.exit(1);
  }
  if (!existsSync(path.join(repoRoot, 'apps/web/dist/index.html'))) {
    console.error('The web app is not built: run "pnpm --filter @cadence/web build" (pnpm test:e2e does).');
    process.exit(1);
  }
  mkdirSync(shots, { recursive: true });
  rmSync(path.join(shots, 'failure.png'), { force: true }); // from an earlier failed run
  const server = await startServer();
  console.log(`Server at ${server.url}`);
  const browser = await launchChromium();
  const problems: string[] = [];
  try {
    // An English browser (a French one opens setup in French: phone.ts checks that), in another
    // zone than the workspace's, so the calendar's zone switch has something to show.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: 'en-CA',
      timezoneId: 'America/Toronto',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    // Uncaught errors and CSP refusals are failures even when the screen looks right.
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 40[01]/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    try {
      await run(page, server.url);
    } catch (e) {
      await page.screenshot({ path: path.join(shots, 'failure.png'), fullPage: true }).catch(() => {});
      throw e;
    }
    if (problems.length) throw new Error(`The browser reported problems:\n${problems.join('\n')}`);
    console.log('Browser smoke test passed.');
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
