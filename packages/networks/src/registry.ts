import type { Db } from '@cadence/db';
import type { AdapterRegistry } from './adapter';
import { createSandboxAdapter } from './sandbox';
import { createWebhookAdapter } from './webhook';

/** The networks Cadence can publish to today. The others appear here as their adapters land. */
export function defaultAdapters(deps: { db: Db; allowPrivateNetworkUrls: boolean }): AdapterRegistry {
  return {
    sandbox: createSandboxAdapter({ db: deps.db }),
    webhook: createWebhookAdapter({ http: { allowPrivateNetworkUrls: deps.allowPrivateNetworkUrls } }),
  };
}
