// Browser test: a channel's conversations leave with it (issue 16, item 5; decision 0271). The
// server syncs three mentions from the Mastodon stand-in; on the Channels screen the Disconnect
// confirmation says "3 conversations will be removed from the inbox" before anything happens;
// confirming disconnects the channel and empties the inbox; the Remove confirmation then says it
// has none. Screenshots of the dialog desktop and phone, English and French.
import { existsSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { addMention, startMastodonInbox } from '@cadence/networks/testing';
import en from '../src/i18n/en.json';
import fr from '../src/i18n/fr.json';
import { CHROMIUM_PATH, launchChromium } from './browser';
import { apiCall, expect, fill, setUpOwner, shot, shotsDir } from './page-helpers';
import { startServer } from './server';

const owner = { name: 'Olivia Owner', email: 'olivia@example.com', password: 'owner password 42' };
const TOKEN = 'e2e-mastodon-token';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function openDisconnect(page: Page, base: string, language: 'en' | 'fr') {
  const d = language === 'fr' ? fr : en;
  await page.goto(`${base}/channels`);
  await page.getByRole('heading', { name: d.nav.channels }).waitFor();
  await page.getByRole('button', { name: d.channels.disconnect, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(fill(d.channels.inboxRemoved_other, { count: 3 })).waitFor();
  return { d, dialog };
}

async function main() {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`No browser at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  mkdirSync(shotsDir, { recursive: true });
  const mastodon = await startMastodonInbox(TOKEN);
  const now = new Date();
  for (const [id, acct] of [
    [201, 'alice@example.social'],
    [202, 'bob@example.social'],
    [203, 'carol@example.social'],
  ] as const) {
    addMention(mastodon, { id, minutesAgo: 300 - id, now, acct, text: `Hello from ${acct}` });
  }
  const server = await startServer({
    NETWORK_BASE_URLS: `mastodon=${mastodon.net.url}`,
    ALLOW_PRIVATE_NETWORK_URLS: 'true',
  });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await setUpOwner(page, server.url, owner);
    const session = await apiCall(page, 'GET', '/api/v1/auth/session');
    const ws = session.body.workspaces[0].id as string;
    const channel = await apiCall(page, 'POST', `/api/v1/workspaces/${ws}/channels`, {
      network: 'mastodon',
      displayName: 'Acme on Mastodon',
      handle: 'acme@example.social',
      credentials: { instanceUrl: mastodon.net.url, accessToken: TOKEN },
    });
    expect(channel.status === 201, `channel: ${channel.status} ${JSON.stringify(channel.body)}`);
    expect(
      (await apiCall(page, 'POST', `/api/v1/workspaces/${ws}/inbox/sync`, {})).status === 202,
      'sync now',
    );
    const items = async () =>
      (await apiCall(page, 'GET', `/api/v1/workspaces/${ws}/inbox/items`)).body.items.length;
    let synced = 0;
    for (let i = 0; i < 60 && synced < 3; i++) {
      await page.waitForTimeout(500);
      synced = await items();
    }
    expect(synced === 3, `the sync brought the 3 mentions (${synced})`);

    // English, desktop then phone: the count is in the confirmation; Cancel keeps everything.
    let open = await openDisconnect(page, server.url, 'en');
    await shot(page, 'channel-disconnect-en-desktop');
    await open.dialog.getByRole('button', { name: en.common.cancel }).click();
    await page.setViewportSize(PHONE);
    open = await openDisconnect(page, server.url, 'en');
    await shot(page, 'channel-disconnect-en-phone');
    await open.dialog.getByRole('button', { name: en.common.cancel }).click();
    expect((await items()) === 3, 'cancelling removed nothing');

    // French: switched on the rail (desktop), then phone.
    await page.setViewportSize(DESKTOP);
    await page.getByRole('button', { name: 'Français', exact: true }).click();
    open = await openDisconnect(page, server.url, 'fr');
    await shot(page, 'channel-disconnect-fr-desktop');
    await open.dialog.getByRole('button', { name: fr.common.cancel }).click();
    await page.setViewportSize(PHONE);
    open = await openDisconnect(page, server.url, 'fr');
    await shot(page, 'channel-disconnect-fr-phone');

    // Confirming disconnects the channel and takes its conversations out of the inbox.
    await open.dialog.getByRole('button', { name: fr.channels.disconnect, exact: true }).click();
    await page.getByText(fr.channels.status.disconnected, { exact: false }).first().waitFor();
    // Added through the API with only a token, the channel has no app keys to revoke with: the
    // screen says the access must be withdrawn at Mastodon.
    await page
      .getByText(
        fill(fr.channels.revocationFailed, { name: 'Acme on Mastodon', network: fr.networks.mastodon }),
      )
      .waitFor();
    await shot(page, 'channel-revocation-failed-fr-phone');
    await page.setViewportSize(DESKTOP);
    await shot(page, 'channel-revocation-failed-fr-desktop');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page
      .getByText(
        fill(en.channels.revocationFailed, { name: 'Acme on Mastodon', network: en.networks.mastodon }),
      )
      .waitFor();
    await shot(page, 'channel-revocation-failed-en-desktop');
    await page.getByRole('button', { name: 'Français', exact: true }).click();
    expect((await items()) === 0, 'the inbox is empty after the disconnect');
    await page.getByRole('button', { name: fr.channels.delete, exact: true }).click();
    await page.getByRole('dialog').getByText(fr.channels.inboxNone).waitFor();
    await shot(page, 'channel-remove-fr-desktop');
    console.log('channel removal: ok');
  } finally {
    await browser.close();
    await server.stop();
    await mastodon.net.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
