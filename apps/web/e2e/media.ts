// Browser test of issue 14 against the real server and Debian's Chromium: two images are dragged
// into the composer; Bluesky's size limit shows on the large one; "Make a smaller copy for Bluesky"
// swaps in a copy under 1,000,000 bytes; alt text is written on each; the post is scheduled on a
// sandbox channel and a Bluesky channel (a local PDS stand-in) and goes out with its alt text on
// both. Then screenshots of the media library and the composer, desktop and phone, en and fr.
import { createServer, type IncomingMessage } from 'node:http';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import en from '../src/i18n/en.json';
import fr from '../src/i18n/fr.json';
import { launchChromium } from './browser';
import { repoRoot, startServer } from './server';
import { api, type Session } from './page-helpers';

// sharp is the media package's dependency; the test borrows it to draw its images.
const sharp = createRequire(path.join(repoRoot, 'packages/media/package.json'))(
  'sharp',
) as typeof import('sharp').default;

const shots = path.join(repoRoot, 'artifacts/screenshots');
const PASSWORD = 'correct horse battery 42';

function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`Expectation failed: ${message}`);
}

/** A photo-like image: noise does not compress, so this JPEG is well over Bluesky's 1 MB. */
async function noisyJpeg(width: number, height: number) {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919 + (i >> 5) * 104_729) % 251;
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer();
}
const smallPng = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: '#3451d1' } })
    .png()
    .toBuffer();

/** A Bluesky PDS stand-in: session, getRecord, uploadBlob, createRecord (what the adapter uses). */
async function startPds() {
  const blobs: number[] = [];
  const records: { embed?: { images: { alt: string; aspectRatio?: unknown; image: { size: number } }[] } }[] =
    [];
  const body = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
    });
  const server = createServer(async (req, res) => {
    const json = (status: number, value: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    const nsid = new URL(req.url ?? '/', 'http://pds').pathname.replace('/xrpc/', '');
    const bytes = await body(req);
    if (nsid === 'com.atproto.server.createSession' || nsid === 'com.atproto.server.refreshSession')
      return json(200, { accessJwt: 'a', refreshJwt: 'r', did: 'did:plc:acme', handle: 'acme.example' });
    if (nsid === 'com.atproto.repo.getRecord')
      return json(400, { error: 'RecordNotFound', message: 'Could not locate record' });
    if (nsid === 'com.atproto.repo.uploadBlob') {
      blobs.push(bytes.length);
      return json(200, {
        blob: {
          $type: 'blob',
          ref: { $link: `bafkrei${blobs.length}` },
          mimeType: req.headers['content-type'],
          size: bytes.length,
        },
      });
    }
    if (nsid === 'com.atproto.repo.createRecord') {
      const input = JSON.parse(bytes.toString()) as { rkey: string; record: (typeof records)[number] };
      records.push(input.record);
      return json(200, { uri: `at://did:plc:acme/app.bsky.feed.post/${input.rkey}`, cid: 'cid' });
    }
    return json(404, { error: 'MethodNotImplemented' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    blobs,
    records,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function signIn(page: Page, url: string, lang: 'en' | 'fr') {
  const d = lang === 'fr' ? fr : en;
  await page.goto(`${url}/login`);
  await page.getByRole('button', { name: lang === 'fr' ? 'Français' : 'English', exact: true }).click();
  await page.getByLabel(d.login.email).fill('olivia@example.com');
  await page.getByLabel(d.login.password).fill(PASSWORD);
  await page.getByRole('button', { name: d.login.submit }).click();
  await page.waitForURL('**/calendar*');
  await page.getByTestId('notification-bell').waitFor();
  const menu = page.locator('.phone-menu-button');
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('button', { name: lang === 'fr' ? 'Français' : 'English', exact: true }).click();
  if ((await menu.getAttribute('aria-expanded').catch(() => null)) === 'true') await menu.click();
}

/** Drops files on the composer's drop zone, as a person dragging them from their desktop. */
async function dropFiles(page: Page, files: { name: string; type: string; bytes: Buffer }[]) {
  const transfer = await page.evaluateHandle(
    (list) => {
      const dt = new DataTransfer();
      for (const f of list) {
        const bin = atob(f.b64);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        dt.items.add(new File([bytes], f.name, { type: f.type }));
      }
      return dt;
    },
    files.map((f) => ({ name: f.name, type: f.type, b64: f.bytes.toString('base64') })),
  );
  const zone = page.getByTestId('media-drop-zone').first();
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

async function shot(page: Page, name: string, fullPage = false) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage });
  console.log(`  ✓ ${name}`);
}

async function main() {
  mkdirSync(shots, { recursive: true });
  const pds = await startPds();
  const server = await startServer({ ALLOW_PRIVATE_NETWORK_URLS: 'true' });
  const browser = await launchChromium();
  try {
    const { url } = server;
    const setup = await api(url, null, 'POST', '/setup', {
      email: 'olivia@example.com',
      name: 'Olivia Owner',
      password: PASSWORD,
      workspace: { name: 'Acme Social', timezone: 'UTC', locale: 'en' },
    });
    const owner = setup.session as Session;
    const ws = (setup.json.workspaces as { id: string }[])[0]?.id as string;
    await api(url, owner, 'POST', `/workspaces/${ws}/channels`, {
      network: 'sandbox',
      displayName: 'Sandbox One',
      handle: '@one',
    });
    await api(url, owner, 'POST', `/workspaces/${ws}/connect/bluesky`, {
      identifier: 'acme.example',
      appPassword: 'abcd-efgh-ijkl-mnop',
      service: pds.url,
    });
    const big = await noisyJpeg(1800, 1200);
    expect(big.length > 1_000_000, `the photo is over Bluesky's limit (${big.length} bytes)`);

    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page, url, 'en');
    await page.goto(`${url}/posts/new`);
    await page.getByRole('checkbox', { name: /Sandbox One/ }).check();
    await page.getByRole('checkbox', { name: /acme\.example/ }).check();
    await page.getByLabel(en.composer.textBase).fill('Harbour at dawn, two views');
    await dropFiles(page, [
      { name: 'harbour.jpg', type: 'image/jpeg', bytes: big },
      { name: 'boats.png', type: 'image/png', bytes: await smallPng() },
    ]);
    const items = page.locator('.media-item');
    await items.nth(1).waitFor({ timeout: 30_000 });
    const fix = page.getByRole('button', { name: en.media.fix.bluesky });
    await fix.waitFor({ timeout: 15_000 });
    const large = page.locator('.media-item', { has: fix });
    expect(
      (await large.textContent())?.includes('Too large for Bluesky') ?? false,
      'the size problem is on the item',
    );
    await large.scrollIntoViewIfNeeded();
    await shot(page, 'media-composer-warning-en-desktop');
    await fix.click();
    await fix.waitFor({ state: 'detached', timeout: 60_000 });
    // The uploads finish in any order; each alt text goes on its own picture (the copy keeps the name).
    const altOn = (name: string) =>
      page.locator('.media-item', { hasText: name }).getByLabel(en.composer.mediaAlt);
    await altOn('harbour').fill('The harbour at dawn, seen from the pier');
    await altOn('boats.png').fill('Blue boats moored side by side');

    const at = new Date(Date.now() + 80_000);
    const local = at.toISOString().slice(0, 16);
    await page.getByRole('button', { name: new RegExp(`^${en.composer.scheduleMenu}`) }).click();
    await page.getByLabel(en.composer.when.replace('{{zone}}', 'UTC')).last().fill(local);
    await page.getByRole('button', { name: en.composer.scheduleAt }).click();
    await page.waitForURL(/\/posts\/[0-9a-f-]{36}/);
    const postId = /\/posts\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';

    // The publisher sends it at its minute: wait for both targets (at most three minutes).
    let status = '';
    for (let i = 0; i < 180 && status !== 'published'; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      status = String((await api(url, owner, 'GET', `/workspaces/${ws}/posts/${postId}`)).json.status);
    }
    expect(status === 'published', `the post is published (status ${status})`);
    const record = pds.records.at(-1);
    const images = record?.embed?.images ?? [];
    expect(images.length === 2, `two images on the Bluesky record (${images.length})`);
    const alts = images.map((i) => i.alt).sort();
    expect(
      alts[0] === 'Blue boats moored side by side' && alts[1] === 'The harbour at dawn, seen from the pier',
      `alt text on the Bluesky record: ${JSON.stringify(alts)}`,
    );
    expect(
      images.every((i) => i.aspectRatio !== undefined),
      `aspect ratios on the Bluesky record: ${JSON.stringify(images.map((i) => i.aspectRatio))}`,
    );
    expect(
      pds.blobs.every((size) => size <= 1_000_000),
      `every blob is within Bluesky's limit: ${pds.blobs}`,
    );
    await page.goto(`${url}/sandbox`);
    await page.getByText('Alt: The harbour at dawn, seen from the pier').waitFor();
    await page.getByText('Alt: Blue boats moored side by side').waitFor();
    await shot(page, 'media-sandbox-published-en-desktop');

    // The library and the composer's media, desktop and phone, in both languages.
    for (const viewport of [
      { name: 'desktop', width: 1280, height: 900 },
      { name: 'phone', width: 390, height: 844 },
    ]) {
      for (const lang of ['en', 'fr'] as const) {
        const d = lang === 'fr' ? fr : en;
        const p = await (await browser.newContext({ viewport })).newPage();
        await signIn(p, url, lang);
        await p.goto(`${url}/media`);
        await p.locator('.media-card').first().waitFor();
        await shot(p, `media-library-${lang}-${viewport.name}`, true);
        await p.goto(`${url}/posts/new`);
        await p.getByRole('checkbox', { name: /acme\.example/ }).check();
        await p
          .getByLabel(d.composer.textBase)
          .fill(lang === 'fr' ? 'Le port au matin' : 'The harbour at dawn');
        await dropFiles(p, [{ name: 'harbour.jpg', type: 'image/jpeg', bytes: big }]);
        await p.getByRole('button', { name: d.media.fix.bluesky }).waitFor({ timeout: 30_000 });
        await p.locator('.media-item').first().scrollIntoViewIfNeeded();
        await shot(p, `media-composer-${lang}-${viewport.name}`);
        await p.context().close();
      }
    }
    console.log('media browser test passed');
  } finally {
    await browser.close();
    await server.stop();
    await pds.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
