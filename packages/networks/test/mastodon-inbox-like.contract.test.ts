// Liking from the Mastodon inbox against the stand-in of the documented endpoints: a like is
// POST /api/v1/statuses/:id/favourite, taken back with /unfavourite; liking again is harmless;
// a status the instance does not know is a permanent failure, a revoked token auth_revoked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMastodonAdapter } from '../src/mastodon/adapter';
import { failureOf, signal } from '../src/testing/publish-request';
import { addMention, type MastodonInboxFake, startMastodonInbox } from '../src/testing/mastodon-inbox';

let fake: MastodonInboxFake;
beforeAll(async () => {
  fake = await startMastodonInbox();
  addMention(fake, { id: 1500, minutesAgo: 5, now: new Date() });
});
afterAll(() => fake.net.close());

const inbox = () => {
  const adapter = createMastodonAdapter({ http: { allowPrivateNetworkUrls: true }, baseUrl: fake.net.url });
  if (!adapter.inbox?.like || !adapter.inbox.unlike) throw new Error('no like on the inbox side');
  return { like: adapter.inbox.like, unlike: adapter.inbox.unlike };
};
const call = (externalId: string) => ({
  channelId: 'channel-1',
  credentials: { instanceUrl: 'https://mastodon.example', accessToken: fake.token },
  target: { externalId, replyRef: {} },
});

describe('Mastodon inbox likes', () => {
  it('favourites the status, twice without harm, and unfavourites it', async () => {
    const liked = await inbox().like({ ...call('1500'), likeKey: 'k1' }, signal());
    expect(liked).toEqual({ likeExternalId: '1500' });
    expect(fake.favourited.has('1500')).toBe(true);
    await inbox().like({ ...call('1500'), likeKey: 'k1' }, signal());
    expect(fake.favourited.has('1500')).toBe(true);
    await inbox().unlike({ ...call('1500'), likeExternalId: '1500' }, signal());
    expect(fake.favourited.has('1500')).toBe(false);
    expect(fake.favouriteCalls).toEqual([
      { id: '1500', action: 'favourite' },
      { id: '1500', action: 'favourite' },
      { id: '1500', action: 'unfavourite' },
    ]);
  });

  it('a status the instance does not know is refused; a revoked token is auth_revoked', async () => {
    const missing = await failureOf(inbox().like({ ...call('404404'), likeKey: 'k2' }, signal()));
    expect(missing.kind).toBe('permanent');
    const revoked = await failureOf(
      inbox().like(
        {
          ...call('1500'),
          credentials: { instanceUrl: 'https://mastodon.example', accessToken: 'wrong' },
          likeKey: 'k3',
        },
        signal(),
      ),
    );
    expect(revoked.kind).toBe('auth_revoked');
  });
});
