import { describe, expect, it } from 'vitest';
import { PieceReader } from './media-pieces';

async function* chunks(...sizes: number[]) {
  for (const size of sizes) yield Buffer.alloc(size, size % 256);
}

async function sizesOf(reader: PieceReader, piece: number) {
  const sizes: number[] = [];
  for (let p = await reader.take(piece); p.length > 0; p = await reader.take(piece)) sizes.push(p.length);
  return sizes;
}

describe('PieceReader', () => {
  it('cuts store chunks of any size into pieces of the size asked, the last one shorter', async () => {
    expect(await sizesOf(new PieceReader(chunks(7, 3, 12, 1), 23), 5)).toEqual([5, 5, 5, 5, 3]);
    expect(await sizesOf(new PieceReader(chunks(20), 20), 5)).toEqual([5, 5, 5, 5]);
  });

  it('refuses a stream shorter or longer than the size the library recorded', async () => {
    await expect(sizesOf(new PieceReader(chunks(7), 10), 5)).rejects.toThrow(/not the size/);
    await expect(sizesOf(new PieceReader(chunks(12), 10), 5)).rejects.toThrow(/not the size/);
  });

  it('closing stops reading the store', async () => {
    let finished = false;
    async function* store() {
      try {
        yield Buffer.alloc(4);
        yield Buffer.alloc(4);
      } finally {
        finished = true;
      }
    }
    const reader = new PieceReader(store(), 8);
    await reader.take(2);
    await reader.close();
    expect(finished).toBe(true);
  });
});
