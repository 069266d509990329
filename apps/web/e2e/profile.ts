// Browser test of "my profile" and a second workspace (issue 12, settings), in English then French,
// on a desktop and a phone: a wrong current password and two differing copies are said as such in
// the reader's language; the password changes; the name and language are saved (the language
// switches the interface and is what the server will write emails in); a new workspace is created
// from the switcher and opens at once.
import { existsSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import en from '../src/i18n/en.json';
import fr from '../src/i18n/fr.json';
import { CHROMIUM_PATH, launchChromium } from './browser';
import { apiCall, expect, setUpOwner, shot, shotsDir } from './page-helpers';
import { startServer } from './server';

const owner = { name: 'Olivia Owner', email: 'olivia@example.com', password: 'owner password 42' };
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

async function openProfile(page: Page, base: string) {
  await page.goto(`${base}/settings/profile`);
  await page.getByRole('heading', { level: 2 }).waitFor();
}

async function walkPassword(page: Page, d: typeof en, tag: string, password: string, next: string) {
  await page.getByLabel(d.profile.currentPassword).fill('not my password');
  await page.getByLabel(d.profile.newPassword, { exact: true }).fill(next);
  await page.getByLabel(d.profile.confirmPassword).fill(`${next}!`);
  await page.getByRole('button', { name: d.profile.changePassword }).click();
  await page.getByText(d.profile.passwordsDiffer).waitFor();
  await page.getByLabel(d.profile.confirmPassword).fill(next);
  await page.getByRole('button', { name: d.profile.changePassword }).click();
  await page.getByText(d.profile.currentPasswordWrong).waitFor();
  await shot(page, `${tag}-password-wrong`, true);
  await page.getByLabel(d.profile.currentPassword).fill(password);
  await page.getByRole('button', { name: d.profile.changePassword }).click();
  await page.getByText(d.profile.passwordChanged).waitFor();
}

async function main() {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`No browser at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  mkdirSync(shotsDir, { recursive: true });
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: desktop, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await setUpOwner(page, server.url, owner);

    // English, desktop: the password walk, then the name and the language.
    await openProfile(page, server.url);
    await page.getByRole('heading', { name: en.profile.title }).waitFor();
    await shot(page, 'profile-en-desktop', true);
    const second = 'second password 43';
    await walkPassword(page, en, 'profile-en-desktop', owner.password, second);
    await page.getByLabel(en.profile.name, { exact: true }).fill('Olivia Dupont');
    await page.getByLabel(en.profile.language).selectOption('fr');
    await page.getByRole('button', { name: en.common.save }).click();
    // The interface follows at once, and the server keeps it for the emails.
    await page.getByRole('heading', { name: fr.profile.title }).waitFor();
    const me = await apiCall(page, 'GET', '/api/v1/auth/session');
    expect(me.body.user.name === 'Olivia Dupont', `name saved (${me.body.user.name})`);
    expect(me.body.user.locale === 'fr', `language saved (${me.body.user.locale})`);
    await shot(page, 'profile-fr-desktop-saved', true);

    // A second workspace from the switcher, in French; it opens at once.
    await page.locator('.workspace-button').click();
    await page.getByRole('menuitem', { name: fr.workspace.create }).click();
    const dialog = page.getByRole('dialog', { name: fr.workspace.createTitle });
    await dialog.getByRole('button', { name: fr.workspace.createSubmit }).click();
    await dialog.getByText(fr.validation.required).waitFor();
    await shot(page, 'workspace-new-fr-desktop');
    await dialog.getByLabel(fr.setup.workspaceName).fill('Boulangerie Martin');
    await dialog.getByRole('button', { name: fr.workspace.createSubmit }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.workspace-name', { hasText: 'Boulangerie Martin' }).waitFor();
    const session = await apiCall(page, 'GET', '/api/v1/auth/session');
    const made = session.body.workspaces.find((w: { name: string }) => w.name === 'Boulangerie Martin');
    expect(made?.role === 'owner', 'the creator owns the new workspace');
    await context.close();

    // French, phone: the same page is usable at 390 px, and the password walk speaks French.
    const phoneContext = await browser.newContext({ viewport: phone, locale: 'fr-FR', isMobile: true });
    const small = await phoneContext.newPage();
    small.setDefaultTimeout(15_000);
    await small.goto(`${server.url}/login`);
    await small.getByLabel(fr.login.email).fill(owner.email);
    await small.getByLabel(fr.login.password).fill(second);
    await small.getByRole('button', { name: fr.login.submit }).click();
    await small.waitForURL('**/calendar*');
    await openProfile(small, server.url);
    await small.getByRole('heading', { name: fr.profile.title }).waitFor();
    await walkPassword(small, fr, 'profile-fr-phone', second, owner.password);
    await shot(small, 'profile-fr-phone', true);
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow <= 0, `no sideways scrolling on a phone (${overflow}px)`);
    // English on the phone, for the screenshot.
    await apiCall(small, 'PATCH', '/api/v1/auth/profile', { locale: 'en' });
    await small.evaluate((id) => localStorage.setItem(`cadence.language.${id}`, 'en'), me.body.user.id);
    await openProfile(small, server.url);
    await small.getByRole('heading', { name: en.profile.title }).waitFor();
    await shot(small, 'profile-en-phone', true);
    await phoneContext.close();
    console.log('Profile browser test passed.');
  } catch (e) {
    for (const c of browser.contexts())
      for (const p of c.pages()) await shot(p, 'profile-failure', true).catch(() => {});
    throw e;
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
