// What the API says may be hidden (INBOX_HIDE_NETWORKS, behind each item's `hideUnsupported`)
// must be what the adapters can do (an inbox side with `hide`): otherwise the screen offers a
// button whose job can only fail, or hides one a network could serve.
import type { Db } from '@cadence/db';
import { INBOX_HIDE_NETWORKS } from '@cadence/domain/inbox/hide-rules';
import { NETWORKS } from '@cadence/names';
import { describe, expect, it } from 'vitest';
import { defaultAdapters } from '../src/registry';

describe('hiding is offered exactly where an adapter can hide', () => {
  // Building the adapters makes no query: the database is only used when media are uploaded.
  const adapters = defaultAdapters({ db: {} as Db, allowPrivateNetworkUrls: false });
  it.each(NETWORKS)('%s', (network) => {
    expect(INBOX_HIDE_NETWORKS.has(network)).toBe(typeof adapters[network]?.inbox?.hide === 'function');
  });
});
