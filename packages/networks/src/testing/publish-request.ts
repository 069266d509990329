import type { PublishRequest } from '../adapter';

export function publishRequest(overrides: Partial<PublishRequest> = {}): PublishRequest {
  return {
    targetId: '0b7d6a5e-2f7c-4c1e-9a4e-1d2c3b4a5f60',
    workspaceId: 'ws-1',
    postId: 'post-1',
    channelId: 'channel-1',
    network: 'sandbox',
    text: 'Hello from Cadence',
    link: null,
    media: [],
    firstComment: null,
    scheduledAt: new Date('2026-01-01T10:00:00Z'),
    credentials: null,
    ...overrides,
  };
}

export const signal = () => new AbortController().signal;

/** The failure a publish was refused with (the test fails if it succeeded). */
export async function failureOf(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    return (
      error as { failure: { kind: string; reason: string; retryAfterMs?: number; networkWide?: boolean } }
    ).failure;
  }
  throw new Error('expected the call to fail');
}
