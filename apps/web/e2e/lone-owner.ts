// Browser test of issue 12's first promise: an owner alone, right after setup, connects a sandbox
// channel and publishes a post, counting the clicks (typing is not a click). In French, then in
// English, each on a fresh server. Publishing: New post, Schedule ▾, Publish now, confirm — the
// workspace's only channel is already chosen. The post must reach the sandbox network.
import { existsSync, mkdirSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import en from '../src/i18n/en.json';
import fr from '../src/i18n/fr.json';
import { CHROMIUM_PATH, launchChromium } from './browser';
import { apiCall, expect, fill, shot, shotsDir } from './page-helpers';
import { startServer } from './server';

const owner = { name: 'Solène Seule', email: 'solene@example.com', password: 'alone but fine 42' };
const MAX_PUBLISH_CLICKS = 4;

async function walk(lang: 'fr' | 'en') {
  const d = lang === 'fr' ? fr : en;
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    let clicks = 0;
    const click = async (target: Locator) => {
      clicks += 1;
      await target.click();
    };

    await page.goto(server.url);
    await page.waitForURL('**/setup');
    await page.getByLabel(d.setup.name).fill(owner.name);
    await page.getByLabel(d.setup.email).fill(owner.email);
    await page.getByLabel(d.setup.password).fill(owner.password);
    await page.getByLabel(d.setup.workspaceName).fill(lang === 'fr' ? 'Atelier Solène' : 'Solene Studio');
    await page.getByRole('button', { name: d.setup.submit }).click();
    await page.waitForURL('**/calendar?*');

    await click(page.getByRole('link', { name: d.nav.channels }));
    await click(
      page.getByRole('button', { name: fill(d.channels.connectWith, { network: d.networks.sandbox }) }),
    );
    await page.getByText(d.channels.status.connected).first().waitFor();
    const connectClicks = clicks;

    clicks = 0;
    await click(page.getByRole('link', { name: `+ ${d.nav.newPost}` }));
    const text =
      lang === 'fr' ? 'Ouverture samedi à 10 h, venez nombreux' : 'Opening Saturday at 10, come along';
    await page.getByLabel(d.composer.textBase).fill(text);
    await click(page.getByRole('button', { name: new RegExp(`^${d.composer.scheduleMenu}`) }));
    await click(page.getByRole('button', { name: d.composer.publishNow }));
    await shot(page, `lone-owner-${lang}-confirm`);
    await click(page.getByRole('dialog').getByRole('button', { name: d.composer.publishNow }));
    expect(clicks <= MAX_PUBLISH_CLICKS, `publishing took ${clicks} clicks (at most ${MAX_PUBLISH_CLICKS})`);

    // It reaches the network: the post ends published, and the sandbox feed shows it.
    const ws = (await apiCall(page, 'GET', '/api/v1/auth/session')).body.workspaces[0].id as string;
    let status = '';
    for (let i = 0; i < 100 && status !== 'published'; i++) {
      await page.waitForTimeout(200);
      const list = await apiCall(page, 'GET', `/api/v1/workspaces/${ws}/posts?limit=5`);
      status = list.body.items?.find((p: { text: string }) => p.text === text)?.status ?? '';
    }
    expect(status === 'published', `the post is published (it is "${status}")`);
    await page.goto(`${server.url}/sandbox`);
    await page.getByText(text).first().waitFor();
    await shot(page, `lone-owner-${lang}-published`);
    console.log(`  ${lang}: connect ${connectClicks} clicks, publish ${clicks} clicks`);
    await context.close();
  } catch (e) {
    for (const c of browser.contexts())
      for (const p of c.pages()) await shot(p, `lone-owner-${lang}-failure`, true).catch(() => {});
    throw e;
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function main() {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`No browser at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  mkdirSync(shotsDir, { recursive: true });
  await walk('fr');
  await walk('en');
  console.log('Lone owner browser test passed.');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
