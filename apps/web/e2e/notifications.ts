// Browser test of issue 15 against the real server and Debian's Chromium: a manager (English) has
// Cadence open; an editor (French) submits a post; the manager's bell shows the count and the
// notification without reloading, the manager opens it (the review page), requests changes in the
// interface; the editor's bell then shows the request, in French. Screenshots of the bell and the
// preferences page on desktop and phone, in both languages.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import en from '../src/i18n/en.json';
import fr from '../src/i18n/fr.json';
import { repoRoot, startServer } from './server';
import { launchChromium } from './browser';
import { api, expect, type Session } from './page-helpers';

const shots = path.join(repoRoot, 'artifacts/screenshots');
const PASSWORD = 'correct horse battery 42';

async function join(
  url: string,
  owner: Session,
  ws: string,
  email: string,
  role: string,
  name: string,
  locale: string,
) {
  const invited = await api(url, owner, 'POST', `/workspaces/${ws}/invitations`, { email, role });
  const joined = await api(url, null, 'POST', '/invitations/register', {
    token: invited.json.token,
    name,
    password: PASSWORD,
    locale,
  });
  return joined.session as Session;
}

async function signIn(page: Page, email: string, lang: 'en' | 'fr') {
  const d = lang === 'fr' ? fr : en;
  await page.goto(`${page.url().split('/').slice(0, 3).join('/')}/login`);
  await page.getByRole('button', { name: lang === 'fr' ? 'Français' : 'English', exact: true }).click();
  await page.getByLabel(d.login.email).fill(email);
  await page.getByLabel(d.login.password).fill(PASSWORD);
  await page.getByRole('button', { name: d.login.submit }).click();
  await page.waitForURL('**/calendar*');
  // The interface language is each person's choice (idempotent); on a phone it is in the menu.
  await page.getByTestId('notification-bell').waitFor();
  const menu = page.locator('.phone-menu-button');
  if (await menu.isVisible()) await menu.click();
  await page
    .getByRole('button', { name: lang === 'fr' ? 'Français' : 'English', exact: true })
    .click({ timeout: 10_000 })
    .catch(async (e) => {
      await shot(page, 'notifications-debug');
      throw e;
    });
  if ((await menu.getAttribute('aria-expanded').catch(() => null)) === 'true') await menu.click();
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: false });
  console.log(`  ✓ ${name}`);
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
      workspace: { name: 'Acme Social', timezone: 'Europe/Paris', locale: 'en' },
    });
    const owner = setup.session as Session;
    const ws = (setup.json.workspaces as { id: string }[])[0]?.id as string;
    const channel = await api(url, owner, 'POST', `/workspaces/${ws}/channels`, {
      network: 'sandbox',
      displayName: 'Sandbox One',
      handle: '@one',
    });
    await join(url, owner, ws, 'max@example.com', 'manager', 'Max Manager', 'en');
    const editor = await join(url, owner, ws, 'eloise@example.com', 'editor', 'Éloïse Éditrice', 'fr');

    for (const viewport of [
      { name: 'desktop', width: 1280, height: 800 },
      { name: 'phone', width: 390, height: 844 },
    ]) {
      const managerPage = await (await browser.newContext({ viewport })).newPage();
      await managerPage.goto(url);
      await signIn(managerPage, 'max@example.com', 'en');
      const post = await api(url, editor, 'POST', `/workspaces/${ws}/posts`, {
        text: `Soldes d’hiver : -30 % sur toute la collection (${viewport.name})`,
        targets: [{ channelId: channel.json.id }],
      });
      await api(url, editor, 'POST', `/workspaces/${ws}/posts/${post.json.id}/submit`, { version: 1 });
      // No reload: the bell's count appears by itself.
      await managerPage.getByTestId('notification-count').waitFor({ timeout: 15_000 });
      await managerPage.getByTestId('notification-bell').click();
      const item = managerPage.getByRole('link', { name: /Éloïse Éditrice submitted/ }).first();
      await item.waitFor();
      await shot(managerPage, `notifications-bell-en-${viewport.name}`);
      await item.click();
      await managerPage.waitForURL(`**/review/${post.json.id}`);
      await managerPage.getByLabel(en.review.comment).fill('Plus court, s’il te plaît');
      await managerPage.getByRole('button', { name: en.review.requestChanges }).click();
      await managerPage.getByText(en.review.done.changes).first().waitFor();

      const editorPage = await (await browser.newContext({ viewport })).newPage();
      await editorPage.goto(url);
      await signIn(editorPage, 'eloise@example.com', 'fr');
      await editorPage.getByTestId('notification-count').waitFor({ timeout: 15_000 });
      await editorPage.getByTestId('notification-bell').click();
      const asked = editorPage.getByRole('link', { name: /Max Manager demande des modifications/ }).first();
      await asked.waitFor({ timeout: 10_000 }).catch(async (e) => {
        await shot(editorPage, 'notifications-debug');
        throw e;
      });
      await shot(editorPage, `notifications-bell-fr-${viewport.name}`);
      await asked.click();
      await editorPage.waitForURL(`**/posts/${post.json.id}`);

      for (const [page, lang] of [
        [editorPage, 'fr'],
        [managerPage, 'en'],
      ] as const) {
        await page.goto(`${url}/settings/notifications`);
        const d = lang === 'fr' ? fr : en;
        await page.getByLabel(d.notifications.kindNames.mention).waitFor();
        await shot(page, `notifications-preferences-${lang}-${viewport.name}`);
      }
      const ownerPage = await (await browser.newContext({ viewport })).newPage();
      await ownerPage.goto(url);
      await signIn(ownerPage, 'olivia@example.com', 'en');
      await ownerPage.goto(`${url}/settings/notifications`);
      await ownerPage.getByRole('heading', { name: en.notifications.preferences.outboxTitle }).waitFor();
      await ownerPage
        .getByText(en.notifications.preferences.statuses.held)
        .first()
        .waitFor({ timeout: 15_000 });
      await shot(ownerPage, `notifications-outbox-en-${viewport.name}`);
      expect(true, 'done');
    }
    console.log('notifications browser test passed');
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
