import { failure } from '@cadence/domain/publishing/failure';
import { describe, expect, it } from 'vitest';
import type { PublishRequest } from './adapter';
import { NetworkError } from './errors';
import { createFakeAdapter, inSequence, memoryStore, seededRandom } from './fake';

const req = (targetId: string): PublishRequest => ({
  targetId,
  workspaceId: 'w',
  postId: 'p',
  channelId: 'c',
  network: 'sandbox',
  text: 't',
  link: null,
  media: [],
  firstComment: null,
  scheduledAt: new Date(),
  credentials: null,
});

describe('fake adapter', () => {
  it('follows a per-target sequence and records calls and posts', async () => {
    const store = memoryStore();
    const fake = createFakeAdapter({
      store,
      behaviour: inSequence({ kind: 'fail', failure: failure('transient', 'HTTP 502') }, { kind: 'succeed' }),
    });
    const signal = new AbortController().signal;
    await expect(fake.publish(req('a'), signal)).rejects.toBeInstanceOf(NetworkError);
    await expect(fake.publish(req('a'), signal)).resolves.toMatchObject({ externalId: 'fake-a' });
    await expect(fake.publish(req('b'), signal)).rejects.toBeInstanceOf(NetworkError);
    expect(fake.calls.map((c) => [c.request.targetId, c.previousCalls])).toEqual([
      ['a', 0],
      ['a', 1],
      ['b', 0],
    ]);
    expect(store.posts.map((p) => p.targetId)).toEqual(['a']);
  });

  it('hangs until aborted, and can post then lose the answer', async () => {
    const hang = createFakeAdapter({ behaviour: () => ({ kind: 'hang' }) });
    const controller = new AbortController();
    const pending = hang.publish(req('h'), controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ failure: { kind: 'ambiguous' } });
    const lossy = createFakeAdapter({ behaviour: () => ({ kind: 'publish_then_lose_answer' }) });
    await expect(lossy.publish(req('l'), new AbortController().signal)).rejects.toMatchObject({
      failure: { kind: 'ambiguous' },
    });
    expect(await lossy.findExisting?.(req('l'), new AbortController().signal)).toMatchObject({
      externalId: 'fake-l',
    });
  });

  it('has a repeatable random source', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});
