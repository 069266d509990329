// Browser walk of the Reports screen (issue 17) against the real server and Debian's Chromium,
// desktop and phone, English and French, on a workspace seeded with ten weeks of published posts,
// figures, reviews and charter verdicts (reports-seed.ts). Checks that every section shows its
// table, that "not available" appears where a network gives no figure, that the chart library is
// fetched on this route only, that no English is left on the French screen, and that the tables
// are reached with the keyboard. Screenshots in artifacts/screenshots/reports-*.png.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@cadence/db';
import type { Page } from 'playwright-core';
import en from '../src/i18n/en.json';
import fr from '../src/i18n/fr.json';
import { launchChromium } from './browser';
import { seedReports } from './reports-seed';
import { repoRoot, startServer } from './server';

const shots = path.join(repoRoot, 'artifacts/screenshots');
const PASSWORD = 'correct horse battery 42';

function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`Expectation failed: ${message}`);
}

async function signIn(page: Page, url: string, lang: 'en' | 'fr') {
  const d = lang === 'fr' ? fr : en;
  await page.goto(`${url}/login`);
  await page.getByRole('button', { name: lang === 'fr' ? 'Français' : 'English', exact: true }).click();
  await page.getByLabel(d.login.email).fill('olivia@example.com');
  await page.getByLabel(d.login.password).fill(PASSWORD);
  await page.getByRole('button', { name: d.login.submit }).click();
  await page.waitForURL('**/calendar*');
  // The interface language is each person's choice; on a phone the switch is in the menu.
  await page.getByTestId('notification-bell').waitFor();
  const menu = page.locator('.phone-menu-button');
  if (await menu.isVisible()) await menu.click();
  await page
    .getByRole('button', { name: lang === 'fr' ? 'Français' : 'English', exact: true })
    .click({ timeout: 10_000 });
  if (await menu.isVisible()) await page.keyboard.press('Escape');
}

async function main() {
  mkdirSync(shots, { recursive: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cadence-reports-'));
  let server = await startServer({}, dataDir);
  const browser = await launchChromium();
  try {
    const setup = await fetch(`${server.url}/api/v1/setup`, {
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
    // The embedded database is one process at a time: seed it while the server is stopped.
    await server.stop();
    const database = await openDatabase({ databaseUrl: undefined, databasePoolSize: 1, dataDir });
    await seedReports(database.db);
    await database.close();
    server = await startServer({}, dataDir);

    for (const viewport of [
      { name: 'desktop', width: 1280, height: 800 },
      { name: 'phone', width: 390, height: 844 },
    ]) {
      for (const lang of ['en', 'fr'] as const) {
        const d = lang === 'fr' ? fr : en;
        const tag = `${viewport.name}-${lang}`;
        const page = await (await browser.newContext({ viewport, locale: lang })).newPage();
        await signIn(page, server.url, lang);
        const scripts: string[] = [];
        page.on('request', (r) => {
          if (r.resourceType() === 'script') scripts.push(r.url());
        });
        const chartChunk = () => scripts.some((s) => /line-chart/i.test(s));
        expect(!chartChunk(), `${tag}: the chart library loaded before the Reports route`);
        await page.goto(`${server.url}/reports`);
        for (const title of [
          d.reports.planKept.title,
          d.reports.workflow.title,
          d.reports.charter.title,
          d.reports.results.title,
          d.reports.bestTime.title,
          d.reports.community.title,
        ])
          await page.getByRole('heading', { name: title, level: 2 }).waitFor();
        await page.locator('.report-chart canvas').first().waitFor({ timeout: 20_000 });
        expect(chartChunk(), `${tag}: the chart chunk was fetched on the Reports route`);
        await page.getByText(d.reports.bestTime.suggestions).waitFor();
        // Mastodon gives no quotes: the Results table says so instead of 0.
        const mastodonRow = page.locator('#results tr', { hasText: 'Mastodon' }).first();
        expect(
          ((await mastodonRow.textContent()) ?? '').includes(d.reports.notAvailable),
          `${tag}: quotes not available`,
        );
        // The best-time grid fits the screen: on a phone it turns (a row per hour), no sideways scroll.
        const heat = await page.locator('.heatmap').evaluate((table) => ({
          table: table.scrollWidth,
          box: table.parentElement?.clientWidth ?? 0,
        }));
        expect(
          heat.table <= heat.box + 1,
          `${tag}: the heatmap (${heat.table} px) fits its box (${heat.box} px)`,
        );
        // Community: days in a table; the sandbox has no inbox source, so it says so instead of zeros.
        const community = page.locator('#community');
        await community.locator('tbody tr').first().waitFor();
        const networkSelect = community.getByLabel(d.reports.community.network);
        await networkSelect.selectOption('sandbox');
        await community.getByText(d.reports.community.notSynced).waitFor();
        await networkSelect.selectOption('');
        await community.locator('tbody tr').first().waitFor();
        const csv = await page.locator('#results a[download]').getAttribute('href');
        expect(csv?.includes('format=csv') === true, `${tag}: CSV link`);
        if (lang === 'fr') {
          const text = (await page.locator('main').textContent()) ?? '';
          for (const word of ['Workflow', 'Results', 'Best time', 'not available', 'Download CSV', 'Week of'])
            expect(!text.includes(word), `${tag}: English "${word}" on the French screen`);
        }
        // Keyboard: tabbing from the period reaches a report table region.
        await page.locator('input[type="date"]').first().focus();
        let reached = false;
        for (let i = 0; i < 25 && !reached; i++) {
          await page.keyboard.press('Tab');
          reached = await page.evaluate(
            () => document.activeElement?.classList.contains('table-scroll') ?? false,
          );
        }
        expect(reached, `${tag}: a report table is reachable with Tab`);
        await page.screenshot({ path: path.join(shots, `reports-${tag}.png`), fullPage: true });
        await community.screenshot({ path: path.join(shots, `reports-community-${tag}.png`) });
        console.log(`  ✓ reports-${tag}`);
        await page.context().close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
