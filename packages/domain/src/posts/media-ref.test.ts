import { describe, expect, it } from 'vitest';
import { mediaRefSchema } from './schemas';

describe('a post’s media reference', () => {
  it('keeps the URL shape and may name a library item', () => {
    const plain = { url: 'https://cdn.example.com/a.jpg', alt: 'A', kind: 'image' };
    expect(mediaRefSchema.parse(plain)).toEqual(plain);
    const id = '0b6f1a52-3c1e-4f7e-9a57-8d2f0c6a1b23';
    expect(mediaRefSchema.parse({ ...plain, mediaId: id })).toEqual({ ...plain, mediaId: id });
    expect(mediaRefSchema.safeParse({ ...plain, mediaId: '../x' }).success).toBe(false);
  });
});
