import type { Db } from '@cadence/db';
import type { AdapterRegistry } from './adapter';
import type { MediaLibraryReader } from './network-http/library-media';
import { databaseRemoteUploads } from './network-http/remote-uploads';
import { createBlueskyAdapter } from './bluesky/adapter';
import { createFacebookAdapter } from './facebook/adapter';
import { createInstagramAdapter } from './instagram/adapter';
import { createLinkedinAdapter } from './linkedin/adapter';
import { createMastodonAdapter } from './mastodon/adapter';
import { createSandboxAdapter } from './sandbox';
import { createThreadsAdapter } from './threads/adapter';
import { createWebhookAdapter } from './webhook';
import { createXAdapter } from './x/adapter';

/** The networks Cadence can publish to. `baseUrls` sends a network's calls to a local stand-in. */
export function defaultAdapters(deps: {
  db: Db;
  allowPrivateNetworkUrls: boolean;
  baseUrls?: Partial<Record<string, string>>;
  /** The media library's bytes; without it only media URLs can be published. */
  library?: MediaLibraryReader;
}): AdapterRegistry {
  const http = { allowPrivateNetworkUrls: deps.allowPrivateNetworkUrls };
  const uploads = databaseRemoteUploads(deps.db);
  const on = (network: string) => ({
    http,
    baseUrl: deps.baseUrls?.[network],
    library: deps.library,
    uploads,
  });
  return {
    sandbox: createSandboxAdapter({ db: deps.db }),
    webhook: createWebhookAdapter({ http }),
    mastodon: createMastodonAdapter(on('mastodon')),
    bluesky: createBlueskyAdapter(on('bluesky')),
    linkedin: createLinkedinAdapter(on('linkedin')),
    x: createXAdapter(on('x')),
    facebook: createFacebookAdapter(on('facebook')),
    instagram: createInstagramAdapter(on('instagram')),
    threads: createThreadsAdapter(on('threads')),
  };
}
