import { describe, expect, it } from 'vitest';
import { libraryContentPath, mediaRefSchema } from './schemas';

describe('a post’s media reference', () => {
  it('keeps the URL shape and may name a library item', () => {
    const plain = { url: 'https://cdn.example.com/a.jpg', alt: 'A', kind: 'image' };
    expect(mediaRefSchema.parse(plain)).toEqual(plain);
    const id = '0b6f1a52-3c1e-4f7e-9a57-8d2f0c6a1b23';
    expect(mediaRefSchema.parse({ ...plain, mediaId: id })).toEqual({ ...plain, mediaId: id });
    expect(mediaRefSchema.safeParse({ ...plain, mediaId: '../x' }).success).toBe(false);
  });
});

describe('a library reference', () => {
  const ws = '5d1f6a52-3c1e-4f7e-9a57-8d2f0c6a1b23';
  const id = '0b6f1a52-3c1e-4f7e-9a57-8d2f0c6a1b23';
  it('may carry the item’s path in the app instead of an https URL, with its own mediaId only', () => {
    const ref = { url: libraryContentPath(ws, id), alt: 'A', kind: 'image', mediaId: id };
    expect(mediaRefSchema.parse(ref)).toEqual(ref);
    expect(mediaRefSchema.safeParse({ ...ref, mediaId: undefined }).success).toBe(false);
    expect(mediaRefSchema.safeParse({ ...ref, mediaId: ws }).success).toBe(false);
    expect(mediaRefSchema.safeParse({ ...ref, url: `/api/v1/workspaces/${ws}/media/../x` }).success).toBe(
      false,
    );
  });
});
