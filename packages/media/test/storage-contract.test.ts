// One contract, two stores: the local disk and a real S3-protocol server (s3rver) started here.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  localMediaStorage,
  type MediaStorage,
  MediaObjectMissingError,
  MediaTooLargeError,
  s3MediaStorage,
} from '../src/storage/index';

const MiB = 1024 * 1024;

/** `total` bytes of a repeating, position-dependent pattern, produced a chunk at a time. */
function patterned(total: number, failAfter?: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (failAfter !== undefined && sent >= failAfter) {
        this.destroy(new Error('client went away'));
        return;
      }
      if (sent >= total) {
        this.push(null);
        return;
      }
      const size = Math.min(256 * 1024, total - sent);
      const chunk = Buffer.alloc(size);
      for (let i = 0; i < size; i++) chunk[i] = (sent + i) % 251;
      sent += size;
      this.push(chunk);
    },
  });
}

async function drain(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

function expectPatterned(bytes: Buffer, total: number) {
  expect(bytes.length).toBe(total);
  for (let i = 0; i < total; i += 4099) expect(bytes[i]).toBe(i % 251);
}

type Harness = { storage: MediaStorage; leftovers: () => Promise<string[]> };

function contract(name: string, open: () => Harness) {
  describe(`${name} media storage`, () => {
    let h: Harness;
    const key = () => `ws-${randomUUID()}/${randomUUID()}/original`;
    beforeAll(() => {
      h = open();
    });

    it('streams bytes in and out unchanged, larger than one multipart part', async () => {
      const k = key();
      const total = 11 * MiB + 123;
      expect(await h.storage.put(k, patterned(total), { contentType: 'image/png' })).toEqual({
        bytes: total,
      });
      expect(await h.storage.stat(k)).toEqual({ bytes: total });
      expectPatterned(await drain(await h.storage.get(k)), total);
    });

    it('stores a small object in one piece', async () => {
      const k = key();
      await h.storage.put(k, Readable.from([Buffer.from('hello')]), { contentType: 'text/plain' });
      expect((await drain(await h.storage.get(k))).toString()).toBe('hello');
    });

    it('refuses a stream over maxBytes and keeps nothing of it', async () => {
      const k = key();
      await expect(
        h.storage.put(k, patterned(7 * MiB), { contentType: 'image/png', maxBytes: 6 * MiB }),
      ).rejects.toBeInstanceOf(MediaTooLargeError);
      expect(await h.storage.stat(k)).toBeUndefined();
      expect(await h.leftovers()).toEqual([]);
    });

    it('keeps nothing of an upload interrupted midway', async () => {
      const k = key();
      await expect(
        h.storage.put(k, patterned(8 * MiB, 6 * MiB), { contentType: 'image/png' }),
      ).rejects.toThrow(/client went away/);
      expect(await h.storage.stat(k)).toBeUndefined();
      expect(await h.leftovers()).toEqual([]);
    });

    it('answers a missing object with its own error, and deletes idempotently', async () => {
      const k = key();
      await expect(h.storage.get(k)).rejects.toBeInstanceOf(MediaObjectMissingError);
      expect(await h.storage.stat(k)).toBeUndefined();
      await h.storage.delete(k);
      await h.storage.put(k, Readable.from([Buffer.from('x')]), { contentType: 'text/plain' });
      await h.storage.delete(k);
      expect(await h.storage.stat(k)).toBeUndefined();
      await expect(h.storage.get(k)).rejects.toBeInstanceOf(MediaObjectMissingError);
    });

    it('refuses keys it did not make: traversal, absolute, control characters', async () => {
      for (const bad of ['../etc/passwd', 'ws/../../x', '/abs/x', 'ws/a\nb', 'ws', 'WS/Upper', 'ws//x']) {
        await expect(
          h.storage.put(bad, Readable.from([Buffer.from('x')]), { contentType: 'text/plain' }),
          bad,
        ).rejects.toThrow(/invalid media storage key/);
        await expect(h.storage.get(bad), bad).rejects.toThrow(/invalid media storage key/);
      }
    });
  });
}

let localRoot = '';
let s3Dir = '';
let s3: S3rver | undefined;
let s3Endpoint = '';

beforeAll(async () => {
  localRoot = await mkdtemp(path.join(os.tmpdir(), 'cadence-media-local-'));
  s3Dir = await mkdtemp(path.join(os.tmpdir(), 'cadence-media-s3-'));
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: s3Dir,
    configureBuckets: [{ name: 'media', configs: [] }],
  });
  const address = (await s3.run()) as AddressInfo;
  s3Endpoint = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await s3?.close();
  await rm(localRoot, { recursive: true, force: true });
  await rm(s3Dir, { recursive: true, force: true });
});

contract('local', () => ({
  storage: localMediaStorage(localRoot),
  leftovers: async () => readdir(path.join(localRoot, '.incoming')).catch(() => []),
}));

contract('S3', () => ({
  storage: s3MediaStorage({
    bucket: 'media',
    region: 'us-east-1',
    endpoint: s3Endpoint,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    forcePathStyle: true,
  }),
  // s3rver does not implement AbortMultipartUpload, so its parts directory cannot tell whether the
  // abort was sent; "nothing stored under the key" (stat) is what this store can show.
  leftovers: async () => [],
}));
