import type { PublishRequest } from '../adapter';
import type { AdapterDeps } from '../network-http/compose';

/** What uploading one post's media to LinkedIn needs: the account, the request, the clock. */
export interface LinkedinMediaContext {
  api: string;
  token: string;
  author: string;
  request: PublishRequest;
  deps: AdapterDeps & { pollIntervalMs?: number | undefined };
  signal: AbortSignal;
  now: () => Date;
}
