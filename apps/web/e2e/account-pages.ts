// Browser walk of issue 15's account pages against the real server and Debian's Chromium, desktop
// and phone, English and French: "Forgot password?" from the sign-in page gives the same answer for
// any address; a spent or malformed reset link says so in the reader's language; inviting with
// SMTP configured says the email is on its way and shows no link. The full email round trips run
// through a real SMTP server in apps/api/test/account-emails.test.ts. Screenshots in
// artifacts/screenshots/account-*.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import en from '../src/i18n/en.json';
import fr from '../src/i18n/fr.json';
import { launchChromium } from './browser';
import { repoRoot, startServer } from './server';
import { expect } from './page-helpers';

const shots = path.join(repoRoot, 'artifacts/screenshots');
const PASSWORD = 'correct horse battery 42';

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  console.log(`  ✓ ${name}`);
}

async function main() {
  mkdirSync(shots, { recursive: true });
  // Nothing listens on port 9: emails wait and retry; the pages must not care.
  const server = await startServer({ SMTP_URL: 'smtp://127.0.0.1:9' });
  const browser = await launchChromium();
  try {
    const { url } = server;
    const setup = await fetch(`${url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'olivia@example.com',
        name: 'Olivia Owner',
        password: PASSWORD,
        workspace: { name: 'Acme Social', timezone: 'Europe/Paris', locale: 'en' },
      }),
    });
    expect(setup.status === 201, `setup: ${setup.status}`);
    for (const viewport of [
      { name: 'desktop', width: 1280, height: 800 },
      { name: 'phone', width: 390, height: 844 },
    ]) {
      for (const lang of ['en', 'fr'] as const) {
        const d = lang === 'fr' ? fr : en;
        const tag = `${viewport.name}-${lang}`;
        const page = await (await browser.newContext({ viewport })).newPage();
        await page.goto(`${url}/login`);
        await page.getByRole('button', { name: lang === 'fr' ? 'Français' : 'English', exact: true }).click();
        await page.getByRole('link', { name: d.login.forgot }).click();
        await page.waitForURL('**/forgot-password');
        // The URL changes at once, but the login page stays on screen until the forgot page's code
        // has loaded, and both ask for an e-mail under the same label: wait for the new page.
        await page.getByRole('heading', { name: d.passwordReset.askTitle }).waitFor();
        await page.getByLabel(d.passwordReset.email).fill(`nobody-${tag}@example.com`);
        await page.getByRole('button', { name: d.passwordReset.send }).click();
        await page.getByTestId('reset-sent').waitFor();
        expect(
          (await page.getByTestId('reset-sent').innerText()).includes(`nobody-${tag}@example.com`),
          'the answer names the address typed',
        );
        await shot(page, `account-forgot-${tag}`);

        await page.goto(`${url}/reset-password#rst_${'x'.repeat(43)}`);
        await page.getByLabel(d.passwordReset.password, { exact: true }).fill('a brand new passphrase');
        await page.getByLabel(d.passwordReset.confirm).fill('a brand new passphrase');
        await page.getByRole('button', { name: d.passwordReset.submit }).click();
        await page.getByRole('alert').waitFor();
        expect(
          (await page.getByRole('alert').innerText()) === d.refusals.password_reset_invalid,
          'a dead link says so',
        );
        await shot(page, `account-reset-dead-${tag}`);

        await page.goto(`${url}/login`);
        await page.getByLabel(d.login.email).fill('olivia@example.com');
        await page.getByLabel(d.login.password).fill(PASSWORD);
        await page.getByRole('button', { name: d.login.submit }).click();
        await page.waitForURL('**/calendar*');
        // The signed-in interface speaks the person's saved language: choose it (phone: in the menu).
        await page.getByTestId('notification-bell').waitFor();
        const menu = page.locator('.phone-menu-button');
        if (await menu.isVisible()) await menu.click();
        await page.getByRole('button', { name: lang === 'fr' ? 'Français' : 'English', exact: true }).click();
        await page.goto(`${url}/settings/members`);
        await page.getByLabel(d.members.email).fill(`new-${tag}@example.com`);
        await page.getByRole('button', { name: d.members.inviteSubmit }).click();
        await page.getByText(d.members.linkEmailed).waitFor();
        expect((await page.getByTestId('invitation-link').count()) === 0, 'no link shown when emailed');
        await shot(page, `account-invite-emailed-${tag}`);
        await page.context().close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().then(
  () => console.log('account pages: ok'),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
