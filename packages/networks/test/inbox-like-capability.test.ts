// What the API says may be liked (INBOX_LIKE_NETWORKS, behind each item's `likeUnsupported`) must
// be what the adapters can do (an inbox side with both `like` and `unlike`): otherwise the screen
// offers a button whose job can only fail, or withholds one a network could serve.
import type { Db } from '@cadence/db';
import { INBOX_LIKE_NETWORKS } from '@cadence/domain/inbox/like-rules';
import { NETWORKS } from '@cadence/names';
import { describe, expect, it } from 'vitest';
import { defaultAdapters } from '../src/registry';

describe('liking is offered exactly where an adapter can like and take it back', () => {
  // Building the adapters makes no query: the database is only used when media are uploaded.
  const adapters = defaultAdapters({ db: {} as Db, allowPrivateNetworkUrls: false });
  it.each(NETWORKS)('%s', (network) => {
    const inbox = adapters[network]?.inbox;
    const can = typeof inbox?.like === 'function' && typeof inbox.unlike === 'function';
    expect(INBOX_LIKE_NETWORKS.has(network)).toBe(can);
  });
});
