// Browser test of issue 12's calendar against the real server and Debian's Chromium, in English and
// French: an editor's dated draft (dragged from the drafts panel, which proposes the time) and a post
// in review show on their day, one card per post with each channel's avatar; a manager unschedules,
// cancels, deletes and duplicates posts from the card's hover card; autosave keeps an editor's text
// across a navigation. Data is made through the API from the page, as the app does.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import en from '../src/i18n/en.json';
import fr from '../src/i18n/fr.json';
import { repoRoot, startServer } from './server';
import { CHROMIUM_PATH as CHROMIUM, launchChromium } from './browser';
import { apiCall, expect, fill } from './page-helpers';

const ZONE = 'Europe/Paris';
const shots = path.join(repoRoot, 'artifacts/screenshots');
const owner = { name: 'Olivia Owner', email: 'olivia@example.com', password: 'owner password 42' };
const editor = { name: 'Eddie Editor', email: 'eddie@example.com', password: 'editor password 42' };
type Dict = typeof en;
type Lang = 'en' | 'fr';
type Who = typeof owner;

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: false });
  console.log(`  ✓ ${name}`);
}

async function signIn(page: Page, base: string, d: Dict, who: Who, lang: Lang) {
  await page.goto(`${base}/login`);
  const language = lang === 'fr' ? 'Français' : 'English';
  await page.getByRole('button', { name: language, exact: true }).click();
  await page.getByLabel(d.login.email).fill(who.email);
  await page.getByLabel(d.login.password).fill(who.password);
  await page.getByRole('button', { name: d.login.submit }).click();
  await page.waitForURL('**/calendar*');
  // The interface language is each person's choice; on a phone it sits behind the menu button.
  const menu = page.locator('.phone-menu-button');
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('button', { name: language, exact: true }).click();
  if ((await menu.getAttribute('aria-expanded').catch(() => null)) === 'true') await menu.click();
  await page.getByTestId('notification-bell').waitFor();
}

/** Follows a link of the main navigation, opening the phone menu first where it is folded. */
async function openNavLink(page: Page, name: string) {
  const menu = page.locator('.phone-menu-button');
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('link', { name }).click();
}

interface World {
  base: string;
  ws: string;
  channels: string[];
}

async function signInAgain(page: Page, w: World, who: Who, lang: Lang) {
  await page.context().clearCookies();
  await signIn(page, w.base, lang === 'fr' ? fr : en, who, lang);
}

async function setUp(page: Page, base: string): Promise<World> {
  await page.goto(base);
  await page.waitForURL('**/setup');
  const setup = await page.evaluate(
    async (o) =>
      (
        await fetch('/api/v1/setup', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            name: o.name,
            email: o.email,
            password: o.password,
            workspace: { name: 'Acme Social', timezone: 'Europe/Paris', locale: 'en' },
          }),
        })
      ).status,
    owner,
  );
  expect(setup === 201, `setup answered ${setup}`);
  // Setting up signs the owner in.
  await page.goto(`${base}/calendar`);
  await page.getByRole('link', { name: en.nav.calendar }).waitFor();
  const ws = await page.evaluate(
    async () => (await (await fetch('/api/v1/auth/session')).json()).workspaces[0].id as string,
  );
  const channels: string[] = [];
  for (const [name, handle] of [
    ['Sandbox One', '@one'],
    ['Sandbox Two', '@two'],
  ]) {
    const res = await apiCall(page, 'POST', `/api/v1/workspaces/${ws}/channels`, {
      network: 'sandbox',
      displayName: name,
      handle,
    });
    expect(res.status === 201, `channel ${name}: ${res.status}`);
    channels.push(res.body.id);
  }
  // The editor joins through an invitation, registering in a browser of their own.
  const invitation = await apiCall(page, 'POST', `/api/v1/workspaces/${ws}/invitations`, {
    email: editor.email,
    role: 'editor',
  });
  expect(invitation.status === 201, `invitation: ${invitation.status} ${JSON.stringify(invitation.body)}`);
  const other = await page.context().browser()?.newContext();
  const joinPage = await other?.newPage();
  if (!other || !joinPage) throw new Error('no second browser context');
  await joinPage.goto(`${base}/login`);
  const joined = await joinPage.evaluate(
    async ({ token, name, password }) =>
      (
        await fetch('/api/v1/invitations/register', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token, name, password }),
        })
      ).status,
    { token: invitation.body.token as string, name: editor.name, password: editor.password },
  );
  expect(joined === 201, `editor registered: ${joined}`);
  await other.close();
  return { base, ws, channels };
}

const postsUrl = (w: World, rest = '') => `/api/v1/workspaces/${w.ws}/posts${rest}`;

async function createPost(page: Page, w: World, text: string, extra: Record<string, unknown> = {}) {
  const res = await apiCall(page, 'POST', postsUrl(w), {
    text,
    targets: w.channels.map((channelId) => ({ channelId })),
    ...extra,
  });
  expect(res.status === 201, `post created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number; contentRevision: number };
}

/** Opens the hover card of the post's card and waits for its actions. */
async function hoverCard(page: Page, text: string) {
  const hover = page.getByTestId('hover-card');
  // The calendar may redraw its cards as queries settle, and a replaced card misses the pointer's
  // arrival: hover again, a few times at most.
  for (let attempt = 0; attempt < 4; attempt++) {
    const card = page.locator('.cad-card', { hasText: text }).first();
    await card.waitFor();
    await page.mouse.move(0, 0);
    await card.hover();
    const shown = await hover
      .getByText(text)
      .first()
      .waitFor({ timeout: 3_000 })
      .then(() => true)
      .catch(() => false);
    if (shown) return hover;
  }
  await page.screenshot({ path: path.join(shots, 'calendar-control-failure.png') });
  throw new Error(`no hover card for ${text}`);
}

async function dragTo(page: Page, from: string, to: string) {
  const source = page.locator(from).first();
  const target = page.locator(to).first();
  let a = await source.boundingBox();
  let b = await target.boundingBox();
  for (let i = 0; i < 50 && !(a && b); i++) {
    await page.waitForTimeout(100);
    a = await source.boundingBox();
    b = await target.boundingBox();
  }
  expect(Boolean(a && b), `${from} and ${to} are on screen`);
  if (!a || !b) return;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 6, a.y + a.height / 2 + 6, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

async function flow(
  browser: Browser,
  w: World,
  lang: Lang,
  viewport: { width: number; height: number },
  offsetDays: number,
) {
  const d: Dict = lang === 'fr' ? fr : en;
  const tag = (n: string) => `c-${lang}-${viewport.width}-${n}`;
  const context = await browser.newContext({ viewport, timezoneId: ZONE });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // A day of its own per run: a busy day folds its cards behind "+N more".
  const day = DateTime.now().setZone(ZONE).plus({ days: offsetDays });
  const dayIso = day.toISODate() ?? '';
  const month = `${w.base}/calendar?view=month&date=${dayIso}`;
  const words = lang === 'fr' ? 'Idée datée de vendredi' : 'Dated idea for Friday';

  // The editor: an undated draft dragged onto a day proposes that time; a dated post in review.
  await signIn(page, w.base, d, editor, lang);
  const draft = await createPost(page, w, `${words} ${viewport.width}`);
  const inReview = await createPost(
    page,
    w,
    `${lang === 'fr' ? 'En relecture' : 'In review'} ${viewport.width}`,
    {
      requestedSchedule: { local: day.set({ hour: 11, minute: 0 }).toFormat("yyyy-MM-dd'T'HH:mm") },
    },
  );
  expect(
    (await apiCall(page, 'POST', postsUrl(w, `/${inReview.id}/submit`), {})).status === 200,
    'submitted',
  );
  await page.goto(month);
  if (viewport.width >= 1000) {
    await page.locator(`.draft-item[data-post-id="${draft.id}"]`).waitFor();
    await page.locator('[data-testid="calendar"][data-ready="true"]').waitFor();
    await page.waitForTimeout(500);
    await dragTo(
      page,
      `.draft-item[data-post-id="${draft.id}"]`,
      `td.fc-daygrid-day[data-date="${dayIso}"] .fc-daygrid-day-frame`,
    );
    await page
      .locator('.toast-text', { hasText: fill(d.postControl.proposedFor, { when: '' }).trim() })
      .first()
      .waitFor();
  } else {
    // No drafts panel beside the calendar on a phone: the composer's date field gives the time.
    const res = await apiCall(page, 'PATCH', postsUrl(w, `/${draft.id}`), {
      version: draft.version,
      requestedSchedule: { local: day.set({ hour: 9, minute: 0 }).toFormat("yyyy-MM-dd'T'HH:mm") },
    });
    expect(res.status === 200, `proposed through the API: ${res.status}`);
    await page.reload();
  }
  const placed = await apiCall(page, 'GET', postsUrl(w, `/${draft.id}`));
  expect(
    placed.body.schedule?.local?.startsWith(dayIso) === true,
    `the draft's proposed time is on ${dayIso}: ${JSON.stringify(placed.body.schedule)}`,
  );
  const cell = page.locator(`td.fc-daygrid-day[data-date="${dayIso}"]`);
  await cell.locator('.cad-card', { hasText: `${words} ${viewport.width}` }).waitFor();
  await cell
    .locator('.cad-card', { hasText: `${lang === 'fr' ? 'En relecture' : 'In review'} ${viewport.width}` })
    .waitFor();
  // One card per post, two channel avatars on it, the status in words.
  const draftCard = cell.locator('.cad-card', { hasText: `${words} ${viewport.width}` });
  expect((await draftCard.count()) === 1, 'one card for a two-channel post');
  expect((await draftCard.locator('.channel-avatar').count()) === 2, 'two avatars');
  const initials = await draftCard.locator('.channel-avatar').allTextContents();
  expect(initials[0] !== initials[1], `distinct avatars: ${initials.join(' / ')}`);
  await draftCard.locator('.cad-status', { hasText: d.status.draft }).waitFor();
  await shot(page, tag('01-editor-month'));
  await page.getByRole('button', { name: d.calendar.views.week }).click();
  await page.locator('.fc-timegrid').waitFor();
  await page.waitForTimeout(300);
  const scrolled = await page.evaluate(
    () =>
      document.querySelector('.fc-scroller-liquid-auto, .fc-timegrid-body')?.closest('.fc-scroller')
        ?.scrollTop ?? -1,
  );
  expect(scrolled > 100, `the week opens at working hours (scrollTop ${scrolled})`);
  await shot(page, tag('02-editor-week'));
  // The list view names each post's channels in words.
  await page.goto(`${w.base}/calendar?view=list&date=${dayIso}`);
  await page.locator('.fc-list .cad-channels', { hasText: 'Sandbox One' }).first().waitFor();
  await shot(page, tag('02b-editor-list'));

  // Autosave: a new post saves itself, takes its own address, and keeps what was typed across a
  // navigation (the last words are typed just before leaving, saved on the way out).
  await page.goto(`${w.base}/posts/new`);
  await page.getByRole('checkbox', { name: /Sandbox One/ }).check();
  const first = lang === 'fr' ? 'Brouillon qui se garde tout seul' : 'A draft that keeps itself';
  await page.getByLabel(d.composer.textBase).fill(first);
  await page.waitForURL(/\/posts\/[0-9a-f-]{36}\/edit$/, { timeout: 20_000 });
  await page
    .getByTestId('save-state')
    .filter({ hasText: fill(d.composer.savedAt, { time: '' }).trim() })
    .waitFor();
  const autosavedId = page.url().split('/').at(-2) ?? '';
  await page.getByLabel(d.composer.textBase).focus();
  await page.keyboard.type(' +1');
  await page.getByLabel(fill(d.postControl.when.editorLabel, { zone: ZONE })).waitFor();
  await shot(page, tag('03-composer-autosave'));
  await openNavLink(page, d.nav.calendar);
  await page.waitForURL('**/calendar*');
  let kept = '';
  for (let i = 0; i < 30 && kept !== `${first} +1`; i++) {
    const res = await apiCall(page, 'GET', postsUrl(w, `/${autosavedId}`));
    kept = res.body?.text ?? '';
    if (kept !== `${first} +1`) await page.waitForTimeout(200);
  }
  expect(kept === `${first} +1`, `the text typed before leaving was saved: "${kept}"`);
  await page.goto(`${w.base}/posts/${autosavedId}/edit`);
  expect(
    (await page.getByLabel(d.composer.textBase).inputValue()) === `${first} +1`,
    'the composer shows it',
  );
  await context.close().catch(() => {});
  if (problems.length) throw new Error(problems.join('\n'));
  return { draft, inReview };
}

async function managerFlow(browser: Browser, w: World, lang: Lang, offsetDays: number) {
  const d: Dict = lang === 'fr' ? fr : en;
  const tag = (n: string) => `c-${lang}-m-${n}`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: ZONE });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const day = DateTime.now().setZone(ZONE).plus({ days: offsetDays });
  const dayIso = day.toISODate() ?? '';
  const local = (h: number) => day.set({ hour: h, minute: 0 }).toFormat("yyyy-MM-dd'T'HH:mm");
  const prefix = lang === 'fr' ? 'Programmée' : 'Scheduled';

  // Three posts written by the editor, approved and scheduled by the owner.
  await signIn(page, w.base, en, editor, 'en');
  const made: { id: string; text: string }[] = [];
  for (const n of [1, 2, 3, 4]) {
    const text = `${prefix} ${n}`;
    const p = await createPost(page, w, text);
    expect((await apiCall(page, 'POST', postsUrl(w, `/${p.id}/submit`), {})).status === 200, 'submit');
    made.push({ id: p.id, text });
  }
  await page.context().clearCookies();
  await signIn(page, w.base, d, owner, lang);
  for (const [i, p] of made.entries()) {
    const approved = await apiCall(page, 'POST', postsUrl(w, `/${p.id}/approve`), { contentRevision: 1 });
    expect(approved.status === 200, `approve ${approved.status}`);
    const scheduled = await apiCall(page, 'POST', postsUrl(w, `/${p.id}/schedule`), { local: local(9 + i) });
    expect(scheduled.status === 200, `schedule ${scheduled.status} ${JSON.stringify(scheduled.body)}`);
  }
  // The review loop: an empty comment is refused as such, the count badge shows what waits.
  await signInAgain(page, w, editor, 'en');
  const sentBack = await createPost(page, w, `${prefix} review`);
  expect((await apiCall(page, 'POST', postsUrl(w, `/${sentBack.id}/submit`), {})).status === 200, 'submit');
  await page.context().clearCookies();
  await signIn(page, w.base, d, owner, lang);
  await page.getByTestId('review-badge').waitFor();
  await page.goto(`${w.base}/review/${sentBack.id}`);
  await page.getByRole('button', { name: d.review.requestChanges }).click();
  await page.getByRole('alert').filter({ hasText: d.review.commentRequired }).waitFor();
  await shot(page, tag('00-review-comment-required'));
  const note = lang === 'fr' ? 'Ajoutez le lien, s’il vous plaît' : 'Please add the link';
  await page.getByLabel(d.review.comment).fill(note);
  await page.getByRole('button', { name: d.review.requestChanges }).click();
  await page.locator('.toast-text', { hasText: d.review.done.changes }).first().waitFor();
  await page.context().clearCookies();
  await signIn(page, w.base, d, editor, lang);
  await page.goto(`${w.base}/posts/${sentBack.id}/edit`);
  await page.locator('.reviewer-notes', { hasText: note }).waitFor();
  await shot(page, tag('00b-composer-reviewer-notes'));
  await page.context().clearCookies();
  await signIn(page, w.base, d, owner, lang);

  await page.goto(`${w.base}/calendar?view=month&date=${dayIso}`);
  const cell = page.locator(`td.fc-daygrid-day[data-date="${dayIso}"]`);

  // Unschedule from the hover card: the post leaves the calendar for the drafts panel.
  let hover = await hoverCard(page, `${prefix} 1`);
  await shot(page, tag('01-hover-card'));
  await hover.getByRole('button', { name: d.postControl.unschedule }).click();
  await page.locator('.toast-text', { hasText: d.postControl.unscheduled }).first().waitFor();
  await cell.locator('.cad-card', { hasText: `${prefix} 1` }).waitFor({ state: 'detached' });
  await page.locator('.draft-item', { hasText: `${prefix} 1` }).waitFor();

  // Cancel: confirmed, the card stays with the word "Cancelled".
  hover = await hoverCard(page, `${prefix} 2`);
  await hover.getByRole('button', { name: d.postControl.cancel }).click();
  await page
    .getByRole('dialog', { name: d.postControl.cancelTitle })
    .getByRole('button', { name: d.postControl.cancelConfirm })
    .click();
  await cell.locator('.cad-card[data-status="cancelled"]', { hasText: `${prefix} 2` }).waitFor();

  // Delete: confirmed, gone from the calendar and from the API.
  hover = await hoverCard(page, `${prefix} 3`);
  await hover.getByRole('button', { name: d.common.delete }).click();
  await shot(page, tag('02-delete-confirm'));
  await page
    .getByRole('dialog', { name: d.postControl.deleteTitle })
    .getByRole('button', { name: d.postControl.deleteConfirm })
    .click();
  await cell.locator('.cad-card', { hasText: `${prefix} 3` }).waitFor({ state: 'detached' });
  const gone = await apiCall(page, 'GET', postsUrl(w, `/${made[2]?.id}`));
  expect(gone.status === 404, `deleted post answers 404 (${gone.status})`);

  // Duplicate: a new draft opens in the composer with the same text.
  hover = await hoverCard(page, `${prefix} 4`);
  await hover.getByRole('button', { name: d.postControl.duplicate }).click();
  await page.waitForURL(/\/posts\/[0-9a-f-]{36}\/edit$/);
  const copyId = page.url().split('/').at(-2) ?? '';
  expect(copyId !== made[3]?.id, 'a new post');
  await page.getByLabel(d.composer.textBase).waitFor();
  expect((await page.getByLabel(d.composer.textBase).inputValue()) === `${prefix} 4`, 'same text');

  // Dragging a scheduled card onto the drafts panel takes it off the calendar.
  await page.goto(`${w.base}/calendar?view=month&date=${dayIso}`);
  await cell.locator('.cad-card', { hasText: `${prefix} 4` }).waitFor();
  await page.locator('[data-testid="calendar"][data-ready="true"]').waitFor();
  await page.waitForTimeout(500);
  await dragTo(
    page,
    `td.fc-daygrid-day[data-date="${dayIso}"] .fc-event:has-text("${prefix} 4")`,
    // The panel's heading: the panel itself grows below the fold as drafts pile up.
    '#drafts-title',
  );
  await page.locator('.toast-text', { hasText: d.postControl.unscheduled }).first().waitFor();
  await cell.locator('.cad-card', { hasText: `${prefix} 4` }).waitFor({ state: 'detached' });
  await shot(page, tag('03-after-actions'));

  // A draft that needs no approval, dropped on a day, is scheduled; Undo makes it a draft again.
  const policy = (await apiCall(page, 'GET', `/api/v1/workspaces/${w.ws}`)).body.requiredApprovals;
  await apiCall(page, 'PATCH', `/api/v1/workspaces/${w.ws}`, { requiredApprovals: 0 });
  const own = await createPost(page, w, `${prefix} undo`);
  await page.goto(`${w.base}/calendar?view=month&date=${dayIso}`);
  await page.locator(`.draft-item[data-post-id="${own.id}"]`).waitFor();
  await page.locator('[data-testid="calendar"][data-ready="true"]').waitFor();
  await page.waitForTimeout(500);
  await dragTo(
    page,
    `.draft-item[data-post-id="${own.id}"]`,
    `td.fc-daygrid-day[data-date="${dayIso}"] .fc-daygrid-day-frame`,
  );
  const done = page.locator('.toast', { hasText: fill(d.calendar.scheduled, { when: '' }).trim() }).first();
  await done.getByRole('button', { name: d.common.undo }).click();
  let status = '';
  for (let i = 0; i < 50 && status !== 'draft'; i++) {
    await page.waitForTimeout(100);
    status = (await apiCall(page, 'GET', postsUrl(w, `/${own.id}`))).body.status;
  }
  expect(status === 'draft', `undo puts the dropped draft back to draft (it is ${status})`);
  await apiCall(page, 'PATCH', `/api/v1/workspaces/${w.ws}`, { requiredApprovals: policy });
  await context.close();
}

async function main() {
  if (!existsSync(CHROMIUM)) {
    console.error(`No browser at ${CHROMIUM}: install Debian's with "apt-get install -y chromium".`);
    process.exit(1);
  }
  mkdirSync(shots, { recursive: true });
  const server = await startServer();
  console.log(`Server at ${server.url}`);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: ZONE });
    const page = await context.newPage();
    const world = await setUp(page, server.url);
    await context.close();
    for (const [i, lang] of (['en', 'fr'] as const).entries()) {
      // Desktop only: drag and drop and the hover card are desktop gestures; the phone layout
      // (menu, drafts sheet, list view) and a phone workflow are walked by e2e/phone.ts.
      await flow(browser, world, lang, { width: 1280, height: 800 }, 2 + 3 * i);
      await managerFlow(browser, world, lang, 4 + 3 * i);
    }
    console.log('Calendar control browser test passed.');
  } catch (e) {
    for (const context of browser.contexts())
      for (const page of context.pages())
        await page.screenshot({ path: path.join(shots, 'calendar-control-failure.png') }).catch(() => {});
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
