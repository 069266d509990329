// Browser test of the community inbox (issue 16) against the real server, which syncs from a
// stand-in of Mastodon's documented API (NETWORK_BASE_URLS; the same stand-in the adapter's tests
// use): a French community manager sees the badge, filters, opens a conversation (a stranger's
// markup shown as text), assigns it to herself, replies (typed, then with a saved reply made in
// the inbox's dialog, its {author} filled), likes it (« J’aime » becomes « Aimé » once the
// instance has the favourite), adds a note and marks it done, and the next item
// opens; a viewer reads and is told why there is nothing to press. Then hiding, on Bluesky (a
// stand-in of the PDS's repository endpoints): a reply under our post is hidden (« Masquer », the
// threadgate on the stand-in lists it, « Masqué aux autres ») and a mention offers no button but
// says why. Screenshots desktop and phone (390 px, no sideways scroll), French and English.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inboxItems, openDatabase } from '@cadence/db';
import type { Browser, Page } from 'playwright-core';
import {
  addMention,
  type BlueskyRepoFake,
  startBlueskyRepo,
  startMastodonInbox,
} from '@cadence/networks/testing';
import en from '../src/i18n/en.json';
import fr from '../src/i18n/fr.json';
import { CHROMIUM_PATH, launchChromium } from './browser';
import { apiCall, expect, setUpOwner, shot, shotsDir } from './page-helpers';
import { startServer } from './server';

const owner = { name: 'Olivia Owner', email: 'olivia@example.com', password: 'owner password 42' };
const cm = { name: 'Camille Martin', email: 'camille@example.com', password: 'camille password 42' };
const viewer = { name: 'Victor Viewer', email: 'victor@example.com', password: 'victor password 42' };
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };
const TOKEN = 'e2e-mastodon-token';

async function join(
  browser: Browser,
  base: string,
  page: Page,
  ws: string,
  who: typeof cm,
  role: string,
  lang: 'fr' | 'en',
) {
  const invitation = await apiCall(page, 'POST', `/api/v1/workspaces/${ws}/invitations`, {
    email: who.email,
    role,
  });
  expect(invitation.status === 201, `invitation: ${invitation.status}`);
  const context = await browser.newContext({ viewport: desktop, locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });
  const p = await context.newPage();
  p.setDefaultTimeout(15_000);
  await p.goto(`${base}/login`);
  const status = await p.evaluate(
    async ({ token, name, password, locale }) =>
      (
        await fetch('/api/v1/invitations/register', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token, name, password, locale }),
        })
      ).status,
    { token: invitation.body.token as string, name: who.name, password: who.password, locale: lang },
  );
  expect(status === 201, `${who.name} registered: ${status}`);
  return p;
}

/** The list shows the previous page until the new one arrives: wait for the expected length. */
const itemCount = (page: Page, n: number) =>
  page.waitForFunction((n) => document.querySelectorAll('[data-testid="inbox-item"]').length === n, n);

async function noSidewaysScroll(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `no sideways scrolling on a phone (${what}: ${overflow}px)`);
}

async function main() {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`No browser at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  mkdirSync(shotsDir, { recursive: true });
  const mastodon = await startMastodonInbox(TOKEN);
  const now = new Date();
  addMention(mastodon, {
    id: 101,
    minutesAgo: 90,
    now,
    acct: 'alice@example.social',
    text: 'Bonjour, vos horaires ?',
  });
  addMention(mastodon, {
    id: 102,
    minutesAgo: 60,
    now,
    acct: 'bob@example.social',
    text: 'Is &lt;b&gt;this&lt;/b&gt; bold?',
  });
  addMention(mastodon, {
    id: 103,
    minutesAgo: 30,
    now,
    acct: 'carol@example.social',
    inReplyTo: '101',
    text: 'Moi aussi !',
  });
  const bluesky = await startBlueskyRepo();
  const serverEnv = {
    NETWORK_BASE_URLS: `mastodon=${mastodon.net.url},bluesky=${bluesky.net.url}`,
    ALLOW_PRIVATE_NETWORK_URLS: 'true',
  };
  // Kept: the hiding part stops the server to write Bluesky messages into its embedded database.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cadence-e2e-inbox-'));
  let server = await startServer(serverEnv, dataDir);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: desktop, locale: 'en-GB' });
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
    // The charter bans "gratuit" and its forms: a reply saying it cannot leave.
    const charter = await apiCall(page, 'GET', `/api/v1/workspaces/${ws}/charter`);
    const saved = await apiCall(page, 'PUT', `/api/v1/workspaces/${ws}/charter`, {
      rules: { rules: { bannedPhrases: { phrases: ['gratuit*'], severity: 'block' } } },
      baseVersion: charter.body.version,
    });
    expect(saved.status === 200, `charter saved: ${saved.status} ${JSON.stringify(saved.body)}`);
    const sync = await apiCall(page, 'POST', `/api/v1/workspaces/${ws}/inbox/sync`, {});
    expect(sync.status === 202, `sync now: ${sync.status}`);
    let synced = 0;
    for (let i = 0; i < 60 && synced < 3; i++) {
      await page.waitForTimeout(500);
      synced = (await apiCall(page, 'GET', `/api/v1/workspaces/${ws}/inbox/items`)).body.items.length;
    }
    expect(synced === 3, `the sync brought the 3 mentions (${synced})`);

    // The community manager, in French.
    const cmPage = await join(browser, server.url, page, ws, cm, 'editor', 'fr');
    await cmPage.goto(`${server.url}/inbox`);
    await cmPage.getByRole('heading', { name: fr.inbox.title }).waitFor();
    await cmPage.getByTestId('inbox-badge').getByText('3', { exact: true }).waitFor();
    await cmPage.getByTestId('inbox-item').nth(2).waitFor();
    expect((await cmPage.getByTestId('inbox-item').count()) === 3, 'three open items');
    await cmPage.getByLabel(fr.inbox.filter.assignee).selectOption('me');
    await cmPage.getByText(fr.inbox.empty).waitFor();
    await cmPage.getByLabel(fr.inbox.filter.assignee).selectOption('');
    await cmPage.getByLabel(fr.inbox.filter.network).selectOption('mastodon');
    await cmPage.getByTestId('inbox-item').nth(2).waitFor();
    await cmPage.getByLabel(fr.inbox.filter.order).selectOption('oldest_waiting');
    await cmPage.getByTestId('inbox-item').first().getByText('Bonjour, vos horaires ?').waitFor();

    // Bob's message: his markup is text, not markup.
    await cmPage.getByTestId('inbox-item').filter({ hasText: 'bob' }).click();
    const conversation = cmPage.locator('.inbox-conversation');
    await conversation.getByText('Is <b>this</b> bold?').waitFor();
    expect((await conversation.locator('.inbox-message-text b').count()) === 0, 'no markup from a stranger');
    await cmPage.getByLabel(fr.inbox.assignee, { exact: true }).selectOption({ label: cm.name });
    await cmPage
      .getByTestId('inbox-item')
      .filter({ hasText: fr.inbox.assignedTo.replace(' {{name}}', '') })
      .waitFor();
    // A reply from Cadence, sent through the adapter under Bob's message.
    const replyBox = cmPage.getByLabel(fr.inbox.replyTo.replace('{{name}}', 'A Fan'));
    await replyBox.fill('C’est gratuitement offert !');
    await cmPage.locator('.inbox-reply-checks .form-error', { hasText: fr.inbox.checkBlock }).waitFor();
    expect(
      await cmPage.getByRole('button', { name: fr.inbox.send }).isDisabled(),
      'a banned phrase cannot be sent',
    );
    await shot(cmPage, 'inbox-fr-desktop-reply-blocked');
    await replyBox.fill('Merci Bob, ce n’est pas du gras.');
    await cmPage.getByRole('button', { name: fr.inbox.send }).click();
    await conversation.locator('.inbox-message.ours', { hasText: 'Merci Bob' }).waitFor();
    for (let i = 0; i < 40 && !mastodon.posted.some((p) => p.in_reply_to_id === '102'); i++)
      await cmPage.waitForTimeout(500);
    const sent = mastodon.posted.find((p) => p.in_reply_to_id === '102');
    expect(
      Boolean(sent?.status.includes('Merci Bob')),
      `the reply reached Mastodon under 102 (${JSON.stringify(mastodon.posted)})`,
    );
    // A saved reply, made in the inbox's dialog: the charter refuses a banned phrase when saving.
    const dialog = cmPage.getByRole('dialog');
    await cmPage.getByRole('button', { name: fr.savedReplies.title }).click();
    await dialog.getByText(fr.savedReplies.empty).waitFor();
    await dialog.getByRole('button', { name: fr.savedReplies.new }).click();
    await dialog.getByLabel(fr.savedReplies.name).fill('Horaires');
    await dialog.getByLabel(fr.savedReplies.body, { exact: true }).fill('Entrée gratuite, {author} !');
    await dialog.getByRole('button', { name: fr.savedReplies.save }).click();
    await dialog.locator('.form-error[role="alert"]').waitFor();
    await shot(cmPage, 'inbox-fr-desktop-saved-reply-refused');
    await dialog
      .getByLabel(fr.savedReplies.body, { exact: true })
      .fill('Merci {author} ! Nous ouvrons à 9 h, à bientôt.');
    await dialog.getByRole('button', { name: fr.savedReplies.save }).click();
    await dialog.getByText('Merci {author} ! Nous ouvrons à 9 h, à bientôt.').waitFor();
    await shot(cmPage, 'inbox-fr-desktop-saved-replies');
    await dialog.getByRole('button', { name: fr.savedReplies.close }).click();
    // Picked in the reply box over typed text: asked first, then {author} becomes Bob's display
    // name; sent as any reply.
    await replyBox.fill('Bonjour');
    await cmPage.getByLabel(fr.savedReplies.pick, { exact: true }).selectOption({ label: 'Horaires' });
    await cmPage.getByText(fr.savedReplies.replaceAsk).waitFor();
    expect((await replyBox.inputValue()) === 'Bonjour', 'typed text kept until the person answers');
    await shot(cmPage, 'inbox-fr-desktop-saved-reply-ask');
    await cmPage.getByRole('button', { name: fr.savedReplies.replace }).click();
    const filled = 'Merci A Fan ! Nous ouvrons à 9 h, à bientôt.';
    expect(
      (await replyBox.inputValue()) === filled,
      `the saved reply filled (${await replyBox.inputValue()})`,
    );
    await shot(cmPage, 'inbox-fr-desktop-saved-reply-picked');
    await cmPage.getByRole('button', { name: fr.inbox.send }).click();
    await conversation.locator('.inbox-message.ours', { hasText: 'Merci A Fan' }).waitFor();
    for (let i = 0; i < 40 && !mastodon.posted.some((p) => p.status.includes(filled)); i++)
      await cmPage.waitForTimeout(500);
    const fromSaved = mastodon.posted.find((p) => p.status.includes(filled));
    expect(
      fromSaved?.in_reply_to_id === '102',
      `the filled saved reply reached Mastodon under 102 (${JSON.stringify(mastodon.posted)})`,
    );
    // A like: the job favourites Bob's status once; the toggle shows it pressed.
    const current = conversation.locator('.inbox-message.current');
    await current.getByRole('button', { name: fr.inbox.like, exact: true }).click();
    await current.locator('button[aria-pressed="true"]', { hasText: fr.inbox.liked }).waitFor();
    for (let i = 0; i < 40 && !mastodon.favourited.has('102'); i++) await cmPage.waitForTimeout(500);
    expect(
      mastodon.favourited.has('102') && mastodon.favouriteCalls.length === 1,
      `Bob's status favourited once (${JSON.stringify(mastodon.favouriteCalls)})`,
    );
    await current.getByText(fr.inbox.likeState.liking).waitFor({ state: 'detached' });
    await shot(cmPage, 'inbox-fr-desktop-liked');
    await cmPage.getByPlaceholder(fr.inbox.notePlaceholder).fill('Réponse à valider avec le service client.');
    await cmPage.getByRole('button', { name: fr.inbox.addNote }).click();
    await conversation
      .locator('.inbox-note', { hasText: 'Réponse à valider avec le service client.' })
      .waitFor();
    await shot(cmPage, 'inbox-fr-desktop', true);
    await cmPage.getByLabel(fr.inbox.filter.assignee).selectOption('me');
    await itemCount(cmPage, 1);
    await cmPage.getByTestId('inbox-item').first().click();
    await conversation.getByText('Is <b>this</b> bold?').waitFor();

    // Done: it leaves the open list and the badge.
    await cmPage.locator('.inbox-triage').getByRole('button', { name: fr.inbox.set.done }).click();
    await cmPage.getByTestId('inbox-badge').getByText('2', { exact: true }).waitFor();
    await cmPage.getByText(fr.inbox.empty).waitFor();
    await cmPage.getByLabel(fr.inbox.filter.assignee).selectOption('');
    await itemCount(cmPage, 2);
    // J opens the first, E marks it done and the next opens.
    await cmPage.keyboard.press('j');
    await cmPage.locator('.inbox-item.active').waitFor();
    await cmPage.keyboard.press('e');
    await cmPage.getByTestId('inbox-badge').getByText('1', { exact: true }).waitFor();
    const items = await apiCall(cmPage, 'GET', `/api/v1/workspaces/${ws}/inbox/items?status=done`);
    expect(items.body.items.length === 2, `two items done (${items.body.items.length})`);

    // Phone, French: the list, then the conversation on its own page.
    await cmPage.setViewportSize(phone);
    await cmPage.goto(`${server.url}/inbox?status=all`);
    await cmPage.getByTestId('inbox-item').nth(2).waitFor();
    await noSidewaysScroll(cmPage, 'list');
    await shot(cmPage, 'inbox-fr-phone-list', true);
    await cmPage.getByTestId('inbox-item').filter({ hasText: 'carol' }).click();
    await cmPage.getByRole('link', { name: fr.inbox.backToList }).waitFor();
    await cmPage.locator('.inbox-message.current', { hasText: 'Moi aussi' }).waitFor();
    await noSidewaysScroll(cmPage, 'conversation');
    await shot(cmPage, 'inbox-fr-phone-conversation', true);

    // Reply approval: the community manager's reply waits; the owner approves it in English.
    const approvalOn = await apiCall(page, 'PATCH', `/api/v1/workspaces/${ws}`, { replyApproval: true });
    expect(approvalOn.status === 200, `reply approval on: ${approvalOn.status}`);
    await cmPage.setViewportSize(desktop);
    await cmPage.goto(`${server.url}/inbox?status=all`);
    await cmPage.getByTestId('inbox-item').filter({ hasText: 'carol' }).click();
    const carolBox = cmPage.getByLabel(fr.inbox.replyTo.replace('{{name}}', 'A Fan'));
    await carolBox.fill('Merci Carol, nous ouvrons à 9 h.');
    await cmPage.getByRole('button', { name: fr.inbox.approval.sendForApproval }).click();
    await conversation
      .locator('.inbox-message.ours', { hasText: fr.inbox.replyStatus.pending_approval })
      .waitFor();
    await shot(cmPage, 'inbox-fr-desktop-sent-for-approval');
    expect(!mastodon.posted.some((p) => p.status.includes('Merci Carol')), 'nothing sent before approval');
    await page.goto(`${server.url}/inbox?status=all`);
    await page.getByText(en.inbox.approval.pendingTitle_one.replace('{{count}}', '1')).click();
    await page
      .locator('.inbox-pending')
      .getByRole('link', { name: /Merci Carol/ })
      .click();
    await page.getByRole('button', { name: en.inbox.approval.approve }).waitFor();
    await shot(page, 'inbox-en-desktop-approve', true);
    await page.getByRole('button', { name: en.inbox.approval.approve }).click();
    for (let i = 0; i < 40 && !mastodon.posted.some((p) => p.status.includes('Merci Carol')); i++)
      await page.waitForTimeout(500);
    const approved = mastodon.posted.filter((p) => p.status.includes('Merci Carol'));
    expect(
      approved.length === 1 && approved[0]?.in_reply_to_id === '103',
      `the approved reply reached Mastodon once, under 103 (${JSON.stringify(mastodon.posted)})`,
    );

    // English: the owner's view on a desktop and a phone.
    await page.goto(`${server.url}/inbox?status=all`);
    await page.getByTestId('inbox-item').first().click();
    await page.locator('.inbox-triage').getByRole('button', { name: en.inbox.set.done }).waitFor();
    await shot(page, 'inbox-en-desktop', true);
    await page.setViewportSize(phone);
    await page.goto(`${server.url}/inbox?status=all`);
    await page.getByTestId('inbox-item').nth(2).waitFor();
    await noSidewaysScroll(page, 'list, en');
    await shot(page, 'inbox-en-phone-list', true);
    await page.getByRole('button', { name: en.savedReplies.title }).click();
    await page.getByRole('dialog').getByText('Merci {author} ! Nous ouvrons à 9 h, à bientôt.').waitFor();
    await noSidewaysScroll(page, 'saved replies, en');
    await shot(page, 'inbox-en-phone-saved-replies');
    await page.getByRole('dialog').getByRole('button', { name: en.savedReplies.edit }).click();
    await shot(page, 'inbox-en-phone-saved-reply-edit');
    await page.keyboard.press('Escape');

    // A viewer reads, and is told why there is nothing to press.
    const viewerPage = await join(browser, server.url, page, ws, viewer, 'viewer', 'en');
    await viewerPage.goto(`${server.url}/inbox?status=all`);
    await viewerPage.getByTestId('inbox-item').first().click();
    await viewerPage.getByText(en.inbox.viewerOnly).waitFor();
    expect(
      (await viewerPage.locator('.inbox-triage').getByRole('button', { name: en.inbox.set.done }).count()) ===
        0,
      'no Done for a viewer',
    );
    expect(
      (await viewerPage.getByRole('button', { name: en.inbox.addNote }).count()) === 0,
      'no note for a viewer',
    );
    await shot(viewerPage, 'inbox-en-desktop-viewer', true);
    await viewerPage.getByRole('button', { name: en.savedReplies.title }).click();
    await viewerPage.getByRole('dialog').getByText('Horaires').waitFor();
    expect(
      (await viewerPage.getByRole('button', { name: en.savedReplies.new }).count()) === 0,
      'a viewer reads saved replies but cannot add one',
    );
    await shot(viewerPage, 'inbox-en-desktop-saved-replies-viewer');

    // Hiding, on Bluesky: a reply under our post and a mention, written as the sync would have.
    const blueskyChannel = await apiCall(page, 'POST', `/api/v1/workspaces/${ws}/channels`, {
      network: 'bluesky',
      displayName: 'Acme on Bluesky',
      handle: 'brand.example',
      credentials: { identifier: 'brand.example', appPassword: 'app-pass-word' },
    });
    expect(blueskyChannel.status === 201, `bluesky channel: ${blueskyChannel.status}`);
    const ourPost = await apiCall(page, 'POST', `/api/v1/workspaces/${ws}/posts`, {
      text: 'Nouvelle galette des rois cette semaine !',
      targets: [{ channelId: blueskyChannel.body.id }],
    });
    expect(ourPost.status === 201, `our post: ${ourPost.status}`);
    server = await restartWith(server, dataDir, serverEnv, bluesky, {
      ws,
      channelId: blueskyChannel.body.id,
      postId: ourPost.body.id,
    });
    await hideOnBluesky(cmPage, page, server.url, bluesky);
    console.log('Inbox browser test passed.');
  } catch (e) {
    for (const c of browser.contexts())
      for (const p of c.pages()) await shot(p, 'inbox-failure', true).catch(() => {});
    throw e;
  } finally {
    await browser.close();
    await server.stop();
    await mastodon.net.close();
    await bluesky.net.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const ROOT = (did: string) => `at://${did}/app.bsky.feed.post/3ourpost`;
const FAN_REPLY = 'at://did:plc:fan/app.bsky.feed.post/3fanreply';

/** The embedded database is one process at a time: write the messages while the server is stopped. */
async function restartWith(
  server: Awaited<ReturnType<typeof startServer>>,
  dataDir: string,
  env: Record<string, string>,
  bluesky: BlueskyRepoFake,
  at: { ws: string; channelId: string; postId: string },
) {
  await server.stop();
  const database = await openDatabase({ databaseUrl: undefined, databasePoolSize: 1, dataDir });
  const root = ROOT(bluesky.did);
  const message = (externalId: string, kind: 'reply' | 'mention', text: string, postId: string | null) => ({
    id: randomUUID(),
    workspaceId: at.ws,
    channelId: at.channelId,
    network: 'bluesky' as const,
    externalId,
    kind,
    authorHandle: kind === 'reply' ? 'troll.example' : 'dana.example',
    authorName: kind === 'reply' ? 'Un Troll' : 'Dana',
    text,
    createdAt: new Date(Date.now() - 20 * 60_000),
    threadRootExternalId: kind === 'reply' ? root : externalId,
    replyRef: {
      uri: externalId,
      cid: 'cid-x',
      rootUri: kind === 'reply' ? root : externalId,
      rootCid: 'cid-root',
    },
    postId,
  });
  await database.db
    .insert(inboxItems)
    .values([
      message(FAN_REPLY, 'reply', 'Vos galettes sont nulles, achetez ailleurs !!!', at.postId),
      message(
        'at://did:plc:dana/app.bsky.feed.post/3mention',
        'mention',
        'Quelqu’un connaît @brand.example ?',
        null,
      ),
    ]);
  await database.close();
  return startServer(env, dataDir);
}

/** The community manager hides the reply (French), the owner sees it hidden (English). */
async function hideOnBluesky(cmPage: Page, ownerPage: Page, url: string, bluesky: BlueskyRepoFake) {
  for (const [page, texts, lang] of [
    [cmPage, fr, 'fr'],
    [ownerPage, en, 'en'],
  ] as const) {
    await page.setViewportSize(desktop);
    await page.goto(`${url}/inbox?status=all&network=bluesky`);
    await page.getByTestId('inbox-item').filter({ hasText: 'troll' }).click();
    const current = page.locator('.inbox-message.current');
    await current.getByText('Vos galettes sont nulles').waitFor();
    if (lang === 'fr') {
      await current.getByRole('button', { name: texts.inbox.hide, exact: true }).click();
      await current.getByRole('button', { name: texts.inbox.showAgain }).waitFor();
      for (let i = 0; i < 40 && !threadgateHides(bluesky); i++) await page.waitForTimeout(500);
      expect(
        threadgateHides(bluesky),
        `the threadgate hides the reply (${JSON.stringify([...bluesky.records])})`,
      );
      await current.getByText(texts.inbox.hideState.hiding).waitFor({ state: 'detached' });
    }
    await current.getByText(texts.inbox.hiddenBadge).waitFor();
    await current.getByRole('button', { name: texts.inbox.showAgain }).waitFor();
    await shot(page, `inbox-${lang}-desktop-hidden`);
    await page.setViewportSize(phone);
    await noSidewaysScroll(page, `hidden, ${lang}`);
    await shot(page, `inbox-${lang}-phone-hidden`, true);
    // A mention is not under our post: no button, one sentence saying why.
    await page.setViewportSize(desktop);
    await page.goto(`${url}/inbox?status=all&network=bluesky`);
    await page.getByTestId('inbox-item').filter({ hasText: 'dana' }).click();
    const mention = page.locator('.inbox-message.current');
    await mention.getByText(texts.inbox.hideUnsupported.not_our_post).waitFor();
    expect(
      (await mention.getByRole('button', { name: texts.inbox.hide, exact: true }).count()) === 0,
      'no hide button on a mention',
    );
    await shot(page, `inbox-${lang}-desktop-cannot-hide`);
    await page.setViewportSize(phone);
    await noSidewaysScroll(page, `cannot hide, ${lang}`);
    await shot(page, `inbox-${lang}-phone-cannot-hide`, true);
  }
}

const threadgateHides = (bluesky: BlueskyRepoFake) => {
  const gate = bluesky.records.get('app.bsky.feed.threadgate/3ourpost');
  return JSON.stringify(gate?.value.hiddenReplies) === JSON.stringify([FAN_REPLY]);
};

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
