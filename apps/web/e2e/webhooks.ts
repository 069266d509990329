// Browser test of the webhooks screen (issue 15) against the real server, Debian's Chromium and a
// local receiver: an owner sends a test event with the button, it shows as delivered in the log,
// Send again adds a delivery; on a phone the log folds into labelled lines and nothing scrolls
// sideways. Screenshots desktop and phone, English and French.
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import en from '../src/i18n/en.json';
import fr from '../src/i18n/fr.json';
import { launchChromium } from './browser';
import { apiCall, expect, fill, setUpOwner, shot, shotsDir } from './page-helpers';
import { startServer } from './server';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const owner = { name: 'Olivia Owner', email: 'olivia@example.com', password: 'correct horse battery 42' };

/** The receiver: every POST answers `answer.status` (200 unless a test says otherwise) and is counted. */
async function startReceiver() {
  const received: string[] = [];
  const answer = { status: 200 };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      received.push(body);
      res.writeHead(answer.status).end('ok');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, received, answer, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function noSidewaysScroll(page: Page, where: string) {
  const widths = await page.evaluate(() => {
    const log = document.querySelector('[data-testid="webhook-log"]');
    return {
      page: document.documentElement.scrollWidth,
      view: document.documentElement.clientWidth,
      log: log ? log.getBoundingClientRect().right : 0,
      card: log?.closest('li')?.scrollWidth ?? 0,
      cardView: log?.closest('li')?.clientWidth ?? 0,
    };
  });
  expect(widths.page <= widths.view, `${where}: the page scrolls sideways (${widths.page} > ${widths.view})`);
  expect(widths.log <= widths.view, `${where}: the log ends off screen (${widths.log} > ${widths.view})`);
  expect(widths.card <= widths.cardView, `${where}: the webhook card scrolls sideways`);
}

async function showIn(page: Page, base: string, language: 'en' | 'fr') {
  await page.goto(`${base}/settings/webhooks`);
  await page.getByTestId('notification-bell').waitFor();
  // The rail's language switch (on a desktop; the choice is remembered for the phone size after).
  const change = page.getByRole('button', { name: language === 'fr' ? 'Français' : 'English', exact: true });
  if (await change.isVisible()) await change.click();
  const d = language === 'fr' ? fr : en;
  await page.getByRole('button', { name: d.webhooks.log }).click();
  await page.getByTestId('webhook-log').waitFor();
  return d;
}

async function main() {
  mkdirSync(shotsDir, { recursive: true });
  const receiver = await startReceiver();
  const server = await startServer({ ALLOW_PRIVATE_NETWORK_URLS: 'true' });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await setUpOwner(page, server.url, owner);
    const session = await apiCall(page, 'GET', '/api/v1/auth/session');
    const ws = session.body.workspaces[0].id as string;
    // A function, not a property: each check reads the count at that moment.
    const receivedCount = () => receiver.received.length;
    const created = await apiCall(page, 'POST', `/api/v1/workspaces/${ws}/webhooks`, {
      url: `${receiver.url}/integrations/cadence/a-rather-long-path-that-must-wrap-on-a-phone`,
      kinds: ['post_failed', 'post_published', 'post_submitted'],
    });
    expect(created.status === 201, `creating the webhook answered ${created.status}`);

    await page.goto(`${server.url}/settings/webhooks`);
    // Sending a test event opens the subscription's log by itself.
    await page.getByRole('button', { name: en.webhooks.sendTest }).click();
    const log = page.getByTestId('webhook-log');
    await log
      .getByText(en.webhooks.statuses.delivered)
      .first()
      .waitFor()
      .catch(async (e) => {
        await shot(page, 'webhooks-failure', true);
        throw e;
      });
    expect(receivedCount() === 1, `the receiver got ${receivedCount()} requests, not 1`);
    expect(JSON.parse(receiver.received[0] ?? '{}').event === 'webhook_test', 'the test event arrived');

    await log.getByRole('button', { name: en.webhooks.redeliver }).first().click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="webhook-log"] tbody tr').length >= 2,
    );
    await log.getByText(en.webhooks.statuses.delivered).nth(1).waitFor();
    expect(receivedCount() === 2, 'Send again delivered the event a second time');
    // Two more, so the log has a few rows to show.
    await page.getByRole('button', { name: en.webhooks.sendTest }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="webhook-log"] tbody tr').length >= 3,
    );

    // A receiver that answers 500: the log says why in words, not the raw error.
    receiver.answer.status = 500;
    await page.getByRole('button', { name: en.webhooks.sendTest }).click();
    await log
      .getByText(fill(en.webhooks.failureReasons.http_status, { code: 500 }))
      .first()
      .waitFor();

    for (const language of ['en', 'fr'] as const) {
      await page.setViewportSize(DESKTOP);
      await showIn(page, server.url, language);
      await noSidewaysScroll(page, `desktop ${language}`);
      await shot(page, `webhooks-desktop-${language}`);
      await page.setViewportSize(PHONE);
      const d = await showIn(page, server.url, language);
      await noSidewaysScroll(page, `phone ${language}`);
      // Each row's facts carry their label on a phone (the header row is hidden there).
      const label = await page
        .locator('[data-testid="webhook-log"] tbody td')
        .first()
        .evaluate((td) => getComputedStyle(td, '::before').content);
      expect(label === `"${d.webhooks.when}"`, `phone ${language}: the first fact is labelled (${label})`);
      await page.getByTestId('webhook-log').scrollIntoViewIfNeeded();
      await shot(page, `webhooks-phone-${language}`);
    }
    console.log('webhooks screen: test event, send again, phone log without sideways scroll: ok');
  } finally {
    await browser.close();
    await server.stop();
    receiver.server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
