// The screen walk (issue 13): every route of the web app, in French and English, at desktop
// (1280x800) and phone (390x844) size, on a workspace with real content (walk-seed.ts). On each
// screen: axe-core finds no serious or critical violation; a phone screen does not scroll sideways;
// no raw code (uuid, snake_case, dotted or camelCase names) is shown; a French screen shows no
// phrase of the English catalogue. Every screen's picture goes to
// artifacts/screenshots/<route>-<lang>-<desktop|phone>.png. The signed-in screens are walked again as
// an editor and as a viewer (pictures <route>-<lang>-<size>-<role>.png), since each role sees other
// buttons, notices and refusals. All problems are gathered and reported
// together, so one run shows the whole list. The route list is checked against the router's own
// paths, so a new screen cannot be left out of the walk.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@cadence/db';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { shotsDir } from './page-helpers';
import { repoRoot, startServer } from './server';
import { axeProblems, overflowProblems, screenText, wordingProblems } from './walk-checks';
import { type Seeded, seedOutcomes, seedThroughApi } from './walk-seed';

type Lang = 'fr' | 'en';
type Role = 'owner' | 'editor' | 'viewer';
/** WALK_ROLES=owner walks as the owner only (while fixing a screen). */
const roles = (process.env.WALK_ROLES?.split(',') ?? ['owner', 'editor', 'viewer']) as Role[];
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
type Size = keyof typeof VIEWPORTS;
/** Text people typed, shown as typed: not checked for English or codes. */
const USER_CONTENT = ['Renewing access failed: invalid_grant', 'HTTP 503: Service Unavailable'];

interface Screen {
  name: string;
  /** The router's path attribute this screen covers. */
  pattern: string;
  url: (s: Seeded) => string;
}
const signedOut: Screen[] = [
  { name: 'login', pattern: '/login', url: () => '/login' },
  { name: 'forgot-password', pattern: '/forgot-password', url: () => '/forgot-password' },
  { name: 'reset-password', pattern: '/reset-password', url: () => '/reset-password?token=walk-token' },
  { name: 'invitation', pattern: '/invitation', url: (s) => `/invitation?token=${s.invitationToken}` },
];
const signedIn: Screen[] = [
  { name: 'calendar', pattern: 'calendar', url: () => '/calendar' },
  { name: 'post-new', pattern: 'posts/new', url: () => '/posts/new' },
  { name: 'post-edit', pattern: 'posts/:postId/edit', url: (s) => `/posts/${s.posts.draft}/edit` },
  { name: 'post', pattern: 'posts/:postId', url: (s) => `/posts/${s.posts.partially_published}` },
  { name: 'review', pattern: 'review', url: () => '/review' },
  { name: 'review-post', pattern: 'review/:postId', url: (s) => `/review/${s.posts.in_review}` },
  { name: 'inbox', pattern: 'inbox', url: () => '/inbox' },
  // One conversation open: its reply box, like toggle (a sandbox message: disabled, with why), notes.
  { name: 'inbox-conversation', pattern: 'inbox', url: (s) => `/inbox?item=${s.inboxItemId}` },
  { name: 'sandbox', pattern: 'sandbox', url: () => '/sandbox' },
  { name: 'media', pattern: 'media', url: () => '/media' },
  { name: 'campaigns', pattern: 'campaigns', url: () => '/campaigns' },
  { name: 'campaign', pattern: 'campaigns/:campaignId', url: (s) => `/campaigns/${s.campaignId}` },
  { name: 'charter', pattern: 'charter', url: () => '/charter' },
  { name: 'reports', pattern: 'reports', url: () => '/reports' },
  { name: 'channels', pattern: 'channels', url: () => '/channels' },
  { name: 'settings-workspace', pattern: 'workspace', url: () => '/settings/workspace' },
  { name: 'settings-members', pattern: 'members', url: () => '/settings/members' },
  { name: 'settings-api-tokens', pattern: 'api-tokens', url: () => '/settings/api-tokens' },
  { name: 'settings-calendar-feeds', pattern: 'calendar-feeds', url: () => '/settings/calendar-feeds' },
  { name: 'settings-notifications', pattern: 'notifications', url: () => '/settings/notifications' },
  { name: 'settings-webhooks', pattern: 'webhooks', url: () => '/settings/webhooks' },
  { name: 'settings-profile', pattern: 'profile', url: () => '/settings/profile' },
  { name: 'not-found', pattern: '*', url: () => '/no-such-screen' },
];
/** WALK_SCREENS=calendar,post-new walks only those (while fixing them); the route check still runs.
 * Not for CI: the whole walk is the test. */
const only = process.env.WALK_SCREENS?.split(',');
const wanted = (s: Screen) => !only || only.includes(s.name);
/** WALK_SIZES=phone walks one size only. */
const sizes = (process.env.WALK_SIZES?.split(',') ?? ['desktop', 'phone']) as Size[];

/** Layout routes (no screen of their own) and the setup page, walked before the workspace exists. */
const COVERED_ELSEWHERE = ['settings', '/setup'];

function checkRouteCoverage() {
  const source = readFileSync(path.join(repoRoot, 'apps/web/src/app.tsx'), 'utf8');
  const routed = [...source.matchAll(/<Route[^>]*\spath="([^"]+)"/g)].map((m) => m[1] ?? '');
  const walked = new Set([...signedOut, ...signedIn].map((s) => s.pattern).concat(COVERED_ELSEWHERE));
  const missing = routed.filter((p) => !walked.has(p));
  if (missing.length) throw new Error(`Routes the walk does not visit: ${missing.join(', ')}`);
}

/** Waits until the screen has a heading and nothing is loading or in flight. */
async function settle(page: Page, inFlight: () => number) {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.state-loading, [aria-busy="true"]'));
  for (let quiet = 0; quiet < 3; ) {
    await page.waitForTimeout(100);
    quiet = inFlight() === 0 ? quiet + 1 : 0;
  }
}

interface Walker {
  page: Page;
  lang: Lang;
  size: Size;
  problems: string[];
  inFlight: () => number;
}

async function openWalker(browser: Browser, lang: Lang, size: Size, problems: string[]): Promise<Walker> {
  const context = await browser.newContext({
    viewport: VIEWPORTS[size],
    ...(size === 'phone' ? { isMobile: true, hasTouch: true } : {}),
    locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  let pending = 0;
  page.on('request', () => pending++);
  page.on('requestfinished', () => pending--);
  page.on('requestfailed', () => pending--);
  page.on('pageerror', (e) => problems.push(`${lang}-${size}: page error ${e.message}`));
  return { page, lang, size, problems, inFlight: () => pending };
}

async function check(w: Walker, name: string, t0: number, role: Role = 'owner') {
  const where = `${name}-${w.lang}-${w.size}${role === 'owner' ? '' : `-${role}`}`;
  const t1 = Date.now();
  const found = [
    ...(await axeProblems(w.page)),
    ...wordingProblems(await screenText(w.page), w.lang, USER_CONTENT),
    ...(w.size === 'phone' ? await overflowProblems(w.page, VIEWPORTS.phone.width) : []),
  ];
  for (const p of found) w.problems.push(`${where}: ${p}`);
  const t2 = Date.now();
  await w.page.screenshot({ path: path.join(shotsDir, `${where}.png`), fullPage: true });
  const took = `open ${t1 - t0} ms, checks ${t2 - t1} ms, picture ${Date.now() - t2} ms`;
  console.log(`  ${found.length ? '✗' : '✓'} ${where} (${took})`);
}

/** In-app navigation after the first load: what a person clicking through does, and quicker. */
async function go(w: Walker, url: string, first: boolean) {
  if (first) await w.page.goto(url);
  else
    await w.page.evaluate((to) => {
      window.history.pushState(null, '', to);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, url);
  await settle(w.page, w.inFlight);
}

async function walkSetup(browser: Browser, base: string, problems: string[]) {
  for (const lang of ['fr', 'en'] as const)
    for (const size of sizes) {
      const w = await openWalker(browser, lang, size, problems);
      const t0 = Date.now();
      await go(w, `${base}/setup`, true);
      await check(w, 'setup', t0);
      await w.page.context().close();
    }
}

async function walkApp(
  browser: Browser,
  base: string,
  seeded: Seeded,
  lang: Lang,
  size: Size,
  role: Role,
  problems: string[],
) {
  const w = await openWalker(browser, lang, size, problems);
  // The signed-out screens are the same for everyone: walked once, with the owner's walk.
  for (const [i, screen] of (role === 'owner' ? signedOut.filter(wanted) : []).entries()) {
    const t0 = Date.now();
    await go(w, `${base}${screen.url(seeded)}`, i === 0);
    await check(w, screen.name, t0);
  }
  if (w.page.url() === 'about:blank') await w.page.goto(`${base}/login`); // the storage needs an origin
  const cookie = seeded[role].cookie.split('=');
  await w.page.context().addCookies([{ name: cookie[0] ?? '', value: cookie.slice(1).join('='), url: base }]);
  // The interface language is the person's choice in this browser (see src/i18n/language.ts).
  await w.page.evaluate((lang) => {
    localStorage.setItem('cadence.language', lang);
    for (const key of Object.keys(localStorage))
      if (key.startsWith('cadence.language.')) localStorage.removeItem(key);
  }, lang);
  const userId = await w.page.evaluate(
    async () => (await (await fetch('/api/v1/auth/session')).json()).user.id,
  );
  await w.page.evaluate(([id, lang]) => localStorage.setItem(`cadence.language.${id}`, lang), [userId, lang]);
  for (const [i, screen] of signedIn.filter(wanted).entries()) {
    const t0 = Date.now();
    await go(w, `${base}${screen.url(seeded)}`, i === 0);
    await check(w, screen.name, t0, role);
  }
  await w.page.context().close();
}

async function main() {
  checkRouteCoverage();
  mkdirSync(shotsDir, { recursive: true });
  const started = Date.now();
  const lap = (what: string) => console.log(`${what} at ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cadence-walk-'));
  const problems: string[] = [];
  let server = await startServer({}, dataDir);
  const browser = await launchChromium();
  try {
    lap('Server started');
    if (!only || only.includes('setup')) await walkSetup(browser, server.url, problems);
    lap('Setup walked');
    const seeded = await seedThroughApi(server.url);
    lap('Seeded through the API');
    // The embedded database is one process at a time: add the publisher's outcomes while stopped.
    await server.stop();
    const database = await openDatabase({ databaseUrl: undefined, databasePoolSize: 1, dataDir });
    await seedOutcomes(database.db, seeded);
    await database.close();
    server = await startServer({}, dataDir);
    lap('Restarted with outcomes');
    // Two walkers at a time: the browser and the server wait on each other less than one walker does.
    const url = server.url;
    for (const role of roles) {
      for (const size of sizes)
        await Promise.all(
          (['fr', 'en'] as const).map((lang) => walkApp(browser, url, seeded, lang, size, role, problems)),
        );
      lap(`Walked as ${role}`);
    }
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`Walked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (problems.length) {
    console.error(`${problems.length} problems:\n${problems.join('\n')}`);
    process.exit(1);
  }
  console.log('Screen walk passed.');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
