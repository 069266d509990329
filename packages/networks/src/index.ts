export type {
  AdapterRegistry,
  MetricsRequest,
  NetworkAdapter,
  Published,
  PublishRequest,
  RateAllowance,
} from './adapter';
export { NetworkError } from './errors';
export { InboxUnavailableError } from './inbox/unavailable';
export {
  createFakeAdapter,
  type FakeBehaviour,
  type FakeCall,
  type FakeStore,
  inSequence,
  memoryStore,
  seededRandom,
} from './fake';
export { isForbiddenAddress } from './ip-policy';
export { defaultAdapters } from './registry';
export type { LibraryFile, MediaLibraryReader, RemoteUploads } from './network-http/library-media';
export { databaseRemoteUploads } from './network-http/remote-uploads';
export { type SafeHttpOptions, type SafeResponse, safeRequest } from './safe-http';
export { createSandboxAdapter } from './sandbox';
export {
  createWebhookAdapter,
  signWebhook,
  verifyWebhookSignature,
  WEBHOOK_HEADERS,
  webhookCredentialsSchema,
} from './webhook';
export type { FetchedInboxItem, InboxAdapter, InboxCall, InboxPage, InboxReplyRequest } from './inbox/types';
