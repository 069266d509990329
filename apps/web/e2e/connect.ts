// Browser test of connecting accounts (issue 12), in French then English: "Connect LinkedIn" runs the
// OAuth flow against a stand-in of LinkedIn's documented authorisation server (it approves at once,
// as if the person clicked Allow) and lands back on the channels screen saying which account is
// connected; a refusal on LinkedIn's page lands there with the reason in words; a wrong Bluesky app
// password is refused at connection with the reason, the right one connects.
import { existsSync, mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { oauthServer, type OAuthServerState, startFakeNetwork } from '@cadence/networks/testing';
import en from '../src/i18n/en.json';
import fr from '../src/i18n/fr.json';
import { CHROMIUM_PATH, launchChromium } from './browser';
import { apiCall, expect, fill, setUpOwner, shot, shotsDir } from './page-helpers';
import { startServer } from './server';

const owner = { name: 'Olivia Owner', email: 'olivia@example.com', password: 'owner password 42' };
const APP_PASSWORD = 'abcd-efgh-ijkl-mnop';
let denyNext = false;

async function stands() {
  let oauth: OAuthServerState | undefined;
  const linkedin = await startFakeNetwork((app) => {
    // The person refuses on LinkedIn's page: LinkedIn sends them back with error=… (RFC 6749 4.1.2.1).
    app.addHook('onRequest', async (request, reply) => {
      if (!denyNext || !request.url.startsWith('/oauth/v2/authorization')) return;
      denyNext = false;
      const q = new URL(request.url, 'http://x').searchParams;
      const back = new URL(q.get('redirect_uri') ?? '');
      back.searchParams.set('state', q.get('state') ?? '');
      back.searchParams.set('error', 'user_cancelled_authorize');
      return reply.redirect(back.toString(), 302);
    });
    oauth = oauthServer(app, {
      authorizePath: '/oauth/v2/authorization',
      tokenPath: '/oauth/v2/accessToken',
      clientId: 'li-client',
      clientSecret: 'li-secret',
      clientAuth: 'body',
      pkce: false,
      expiresIn: 5_184_000,
    });
    app.get('/v2/userinfo', async (request, reply) => {
      const token = String(request.headers.authorization ?? '').replace(/^Bearer /, '');
      if (!oauth?.accessTokens.has(token)) return reply.code(401).send({ message: 'Invalid access token' });
      return { sub: 'abc123', name: 'Ada Lovelace' };
    });
  });
  const bluesky = await startFakeNetwork((app) => {
    app.post('/xrpc/com.atproto.server.createSession', async (request, reply) => {
      const body = request.body as { identifier: string; password: string };
      if (body.password !== APP_PASSWORD)
        return reply
          .code(401)
          .send({ error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
      return { accessJwt: 'a1', refreshJwt: 'r1', did: 'did:plc:acme', handle: body.identifier };
    });
  });
  return { linkedin, bluesky };
}

async function walk(browser: Browser, base: string, lang: 'fr' | 'en', phone: boolean) {
  const d = lang === 'fr' ? fr : en;
  const tag = `connect-${lang}-${phone ? 'phone' : 'desktop'}`;
  const context = await browser.newContext({
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
    locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${base}/login`);
  await page.getByRole('button', { name: lang === 'fr' ? 'Français' : 'English', exact: true }).click();
  await page.getByLabel(d.login.email).fill(owner.email);
  await page.getByLabel(d.login.password).fill(owner.password);
  await page.getByRole('button', { name: d.login.submit }).click();
  await page.waitForURL('**/calendar*');
  // The interface speaks the person's own language: make it this walk's.
  await apiCall(page, 'PATCH', '/api/v1/auth/profile', { locale: lang });
  await page.goto(`${base}/channels`);
  const connectWith = (network: string) =>
    page.getByRole('button', { name: fill(d.channels.connectWith, { network }), exact: true });

  // LinkedIn refused on its own page: back on the channels screen, the reason in words.
  denyNext = true;
  await connectWith(d.networks.linkedin).click();
  await page.waitForURL('**/channels*');
  await page.getByTestId('connect-outcome').filter({ hasText: d.channels.connectOutcome.denied }).waitFor();
  expect(!page.url().includes('connectError'), 'the address is cleaned once said');
  await shot(page, `${tag}-oauth-denied`);

  // LinkedIn allowed: the account is connected and named.
  await connectWith(d.networks.linkedin).click();
  await page.waitForURL('**/channels*');
  const said = fill(d.channels.connectOutcome.connected, {
    network: d.networks.linkedin,
    name: 'Ada Lovelace',
  });
  await page.getByTestId('connect-outcome').filter({ hasText: said }).waitFor();
  await shot(page, `${tag}-oauth-connected`);

  // Bluesky: a wrong app password is refused at connection, with the reason; the right one connects.
  await connectWith(d.networks.bluesky).click();
  const handle = `acme-${lang}-${phone ? 'p' : 'd'}.example`;
  await page.getByLabel(d.channels.blueskyHandle).fill(handle);
  await page.getByLabel(d.channels.blueskyAppPassword).fill('my-main-password');
  await page.getByRole('button', { name: d.channels.connectSubmit, exact: true }).click();
  await page.getByText(d.channels.refusal.invalid_credentials).waitFor();
  await shot(page, `${tag}-bluesky-refused`);
  await page.getByLabel(d.channels.blueskyAppPassword).fill(APP_PASSWORD);
  await page.getByRole('button', { name: d.channels.connectSubmit, exact: true }).click();
  await page.getByRole('listitem').filter({ hasText: handle }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `no sideways scrolling (${overflow}px)`);
  await context.close();
}

async function main() {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`No browser at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  mkdirSync(shotsDir, { recursive: true });
  const { linkedin, bluesky } = await stands();
  const server = await startServer({
    NETWORK_BASE_URLS: `linkedin=${linkedin.url},bluesky=${bluesky.url}`,
    LINKEDIN_CLIENT_ID: 'li-client',
    LINKEDIN_CLIENT_SECRET: 'li-secret',
    ALLOW_PRIVATE_NETWORK_URLS: 'true',
  });
  const browser = await launchChromium();
  try {
    const setup = await browser.newContext();
    await setUpOwner(await setup.newPage(), server.url, owner, 'fr');
    await setup.close();
    await walk(browser, server.url, 'fr', false);
    await walk(browser, server.url, 'en', true);
    console.log('Connect browser test passed.');
  } catch (e) {
    for (const c of browser.contexts())
      for (const p of c.pages()) await shot(p, 'connect-failure', true).catch(() => {});
    throw e;
  } finally {
    await browser.close();
    await server.stop();
    await linkedin.close();
    await bluesky.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
