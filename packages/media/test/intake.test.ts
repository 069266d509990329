// Every refusal of issue 14's "bad input" list: a clear reason, nothing stored, no temporary file.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeMedia, localMediaStorage, MediaRejectedError, type MediaStorage } from '../src/index';
import { jpegWithGps, mp4, png, pngClaiming, zipArchive } from './fixtures/media-files';

let root = '';
let tempDir = '';
let storage: MediaStorage;
let n = 0;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'cadence-intake-'));
  tempDir = path.join(root, 'incoming');
  storage = localMediaStorage(path.join(root, 'store'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

function upload(body: Buffer | Readable, fileName = 'photo.jpg', maxBytes = 10 * 1024 * 1024) {
  n += 1;
  return intakeMedia({
    storage,
    tempDir,
    maxBytes,
    keyPrefix: `ws/item-${n}`,
    fileName,
    body: Buffer.isBuffer(body) ? Readable.from([body]) : body,
  });
}

async function storedFiles(): Promise<string[]> {
  const all = await readdir(path.join(root, 'store'), { recursive: true }).catch(() => []);
  return all.map(String).filter((f) => f.includes('.') && !f.startsWith('.incoming'));
}

async function expectRefused(start: () => Promise<unknown>, reason: string) {
  const before = await storedFiles();
  const error = await start().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, reason).toBeInstanceOf(MediaRejectedError);
  expect((error as MediaRejectedError).reason).toBe(reason);
  expect(await storedFiles()).toEqual(before);
  expect(await readdir(tempDir).catch(() => [])).toEqual([]);
}

describe('media intake', () => {
  it('stores a JPEG without its EXIF/GPS, with its size and a thumbnail', async () => {
    const original = await jpegWithGps(800, 600);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const stored = await upload(original, 'Été à Paris.jpg');
    expect(stored).toMatchObject({
      name: 'Été à Paris.jpg',
      kind: 'image',
      contentType: 'image/jpeg',
      width: 800,
      height: 600,
    });
    const clean = await sharp(await drain(await storage.get(stored.storageKey))).metadata();
    expect(clean.exif).toBeUndefined();
    expect(clean.format).toBe('jpeg');
    const thumb = await sharp(await drain(await storage.get(stored.thumbnailKey ?? ''))).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', 400, 300]);
    expect(await readdir(tempDir)).toEqual([]);
  });

  it('takes the type from the content, not the name', async () => {
    const stored = await upload(await png(), 'looks-like.gif');
    expect(stored.contentType).toBe('image/png');
  });

  it('probes a video for its size, duration and codec', async () => {
    const stored = await upload(mp4(3), 'clip.mp4');
    expect(stored).toMatchObject({
      kind: 'video',
      contentType: 'video/mp4',
      width: 640,
      height: 360,
      durationMs: 3000,
    });
    expect(stored.codec).toMatch(/^avc1/);
  });

  it('refuses each bad input with its reason, storing nothing and leaving no temporary file', async () => {
    const jpeg = await jpegWithGps(1200, 900);
    const smallPng = await png();
    await expectRefused(() => upload(Buffer.alloc(0)), 'empty_file');
    await expectRefused(() => upload(jpeg.subarray(0, Math.floor(jpeg.length / 2))), 'unreadable_file');
    await expectRefused(
      () => upload(Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), 'doc.pdf'),
      'type_not_supported',
    );
    await expectRefused(
      () =>
        upload(
          Buffer.from(
            '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
          ),
          'logo.svg',
        ),
      'svg_not_accepted',
    );
    await expectRefused(() => upload(pngClaiming(50_000, 50_000), 'bomb.png'), 'too_many_pixels');
    await expectRefused(() => upload(Buffer.concat([smallPng, zipArchive()]), 'both.png'), 'polyglot_file');
    await expectRefused(() => upload(jpeg, 'big.jpg', 100 * 1024), 'file_too_large');
    await expectRefused(() => upload(mp4(2).subarray(0, 600), 'cut.mp4'), 'unreadable_file');
    for (const name of [
      '../../etc/passwd.jpg',
      'a/b.jpg',
      'a\\b.jpg',
      'bad\u0000.jpg',
      'line\nbreak.jpg',
      '',
      '..',
      'x'.repeat(256),
    ]) {
      await expectRefused(() => upload(jpeg, name), 'bad_file_name');
    }
  });

  it('refuses an upload interrupted midway, leaving nothing behind', async () => {
    const jpeg = await jpegWithGps(1200, 900);
    const body = new Readable({
      read() {
        this.push(jpeg.subarray(0, 1000));
        this.destroy(new Error('connection reset'));
      },
    });
    await expectRefused(() => upload(body), 'upload_interrupted');
  });
});

async function drain(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}
