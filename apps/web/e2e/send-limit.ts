// Browser test of issue 18's warning: a post scheduled where its account's send limit cannot let
// every post out on time is still scheduled, and the person is told, in their language, how many
// posts wait and how long they will take to leave, on a desktop and on a phone.
import { existsSync, mkdirSync } from 'node:fs';
import { DateTime } from 'luxon';
import en from '../src/i18n/en.json';
import fr from '../src/i18n/fr.json';
import { CHROMIUM_PATH, launchChromium } from './browser';
import { apiCall, expect, fill, setUpOwner, shot, shotsDir } from './page-helpers';
import { startServer } from './server';

const owner = { name: 'Olivia Owner', email: 'olivia@example.com', password: 'owner password 42' };
const sizes = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

async function walk(lang: 'en' | 'fr', size: keyof typeof sizes) {
  const d = lang === 'fr' ? fr : en;
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: sizes[size], locale: lang })).newPage();
    await setUpOwner(page, server.url, owner, lang);
    expect(
      (await apiCall(page, 'PATCH', '/api/v1/auth/profile', { locale: lang })).status === 200,
      'profile',
    );
    const ws = (await apiCall(page, 'GET', '/api/v1/auth/session')).body.workspaces[0].id as string;
    const channel = await apiCall(page, 'POST', `/api/v1/workspaces/${ws}/channels`, {
      network: 'sandbox',
      displayName: 'Slow Lane',
      handle: '@slow',
      sendLimit: { max: 1, perSeconds: 60 },
    });
    expect(channel.status === 201, `channel: ${channel.status} ${JSON.stringify(channel.body)}`);
    const local = DateTime.now().setZone('Europe/Paris').plus({ days: 2 }).set({ hour: 10, minute: 0 });
    const at = local.toFormat("yyyy-MM-dd'T'HH:mm");
    const create = async (text: string) => {
      const res = await apiCall(page, 'POST', `/api/v1/workspaces/${ws}/posts`, {
        text,
        targets: [{ channelId: channel.body.id }],
      });
      expect(res.status === 201, `post: ${res.status}`);
      return res.body as { id: string; version: number };
    };
    for (const text of ['First in line', 'Second in line']) {
      const post = await create(text);
      const placed = await apiCall(page, 'POST', `/api/v1/workspaces/${ws}/posts/${post.id}/schedule`, {
        version: post.version,
        local: at,
        timezone: 'Europe/Paris',
      });
      expect(placed.status === 200, `scheduled through the API: ${placed.status}`);
    }
    const third = await create('Third in line');
    await page.goto(`${server.url}/posts/${third.id}/edit`);
    await page.getByRole('button', { name: new RegExp(`^${d.composer.scheduleMenu}`) }).click();
    await page
      .locator('.schedule-popover')
      .getByLabel(fill(d.composer.when, { zone: 'Europe/Paris' }))
      .fill(at);
    await page.getByRole('button', { name: d.composer.scheduleAt }).click();
    const expected = fill(d.sendLimit.backlog_other, {
      channel: 'Slow Lane',
      count: 3,
      wait: fill(d.sendLimit.minutes_other, { count: 3 }),
      limit: fill(d.sendLimit.perOne.minutes_one, { count: 1 }),
    });
    await page.locator('.toast-text', { hasText: expected }).waitFor();
    await shot(page, `send-limit-${lang}-${size}`);
    const post = await apiCall(page, 'GET', `/api/v1/workspaces/${ws}/posts/${third.id}`);
    expect(post.body.status === 'scheduled', `the post is still scheduled (it is ${post.body.status})`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function main() {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`No browser at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  mkdirSync(shotsDir, { recursive: true });
  await walk('fr', 'phone');
  await walk('en', 'desktop');
  console.log('Send-limit browser test passed.');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
