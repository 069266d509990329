import { describe, expect, it } from 'vitest';
import { outgoingUrlProblem } from './outgoing-url-policy';

const webhook = { network: 'webhook', carriesSecrets: false } as const;
const resolvingTo =
  (...addresses: string[]) =>
  async () =>
    addresses;

describe('outgoingUrlProblem', () => {
  it('refuses a name that resolves to a private or metadata address (finding 19)', async () => {
    for (const address of ['169.254.169.254', '10.0.0.1', '::1', '64:ff9b::a9fe:a9fe']) {
      const policy = {
        allowPrivateNetworkUrls: false,
        baseUrls: {},
        resolve: resolvingTo('93.184.216.34', address),
      };
      expect(await outgoingUrlProblem('https://hooks.example.com/x', webhook, policy)).toMatchObject({
        reason: 'private_address',
      });
    }
  });

  it('accepts a name that resolves only to public addresses, or not at all (the send-time check stays)', async () => {
    const publicOnly = {
      allowPrivateNetworkUrls: false,
      baseUrls: {},
      resolve: resolvingTo('93.184.216.34'),
    };
    expect(await outgoingUrlProblem('https://hooks.example.com/x', webhook, publicOnly)).toBeNull();
    const failing = {
      allowPrivateNetworkUrls: false,
      baseUrls: {},
      resolve: () => Promise.reject(new Error('ENOTFOUND')),
    };
    expect(await outgoingUrlProblem('https://nowhere.invalid/x', webhook, failing)).toBeNull();
  });

  it('does not resolve names at all when private URLs are allowed', async () => {
    const policy = {
      allowPrivateNetworkUrls: true,
      baseUrls: {},
      resolve: () => Promise.reject(new Error('must not be called')),
    };
    expect(await outgoingUrlProblem('http://hooks.example.com/x', webhook, policy)).toBeNull();
  });
});
