import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { receiveToTempFile } from '../src/intake/receive';

describe('receiving an upload into a temporary file', () => {
  it('leaves no file behind when the upload fails before its first byte', async () => {
    const tempDir = await mkdtemp(path.join(tmpdir(), 'cadence-receive-'));
    for (let i = 0; i < 20; i++) {
      const body = new Readable({
        read() {
          this.destroy(new Error('client went away'));
        },
      });
      await expect(receiveToTempFile(body, { tempDir, maxBytes: 1000 })).rejects.toMatchObject({
        reason: 'upload_interrupted',
      });
    }
    expect(await readdir(tempDir)).toEqual([]);
  });

  it('leaves no file behind when the upload passes the size limit', async () => {
    const tempDir = await mkdtemp(path.join(tmpdir(), 'cadence-receive-'));
    const body = Readable.from([Buffer.alloc(600), Buffer.alloc(600)]);
    await expect(receiveToTempFile(body, { tempDir, maxBytes: 1000 })).rejects.toMatchObject({
      reason: 'file_too_large',
    });
    expect(await readdir(tempDir)).toEqual([]);
  });
});
