// The networks, listed for pickers. Kept here rather than importing the zod enum, so the web
// bundle does not carry zod; the `satisfies` check fails to compile if the two lists drift.
import type { Network } from '@cadence/domain/networks/schemas';

export const NETWORK_LIST = [
  'x',
  'mastodon',
  'bluesky',
  'linkedin',
  'facebook',
  'instagram',
  'threads',
  'webhook',
  'sandbox',
] as const satisfies readonly Network[];
const everyNetworkListed: Exclude<Network, (typeof NETWORK_LIST)[number]> extends never ? true : never = true;
void everyNetworkListed;
