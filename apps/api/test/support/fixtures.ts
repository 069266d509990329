// Typed fixtures for the integration tests: workspaces and channels made the way a person makes
// them (through the API), returned as records typed from the API's own response schemas (dates as
// the JSON strings they arrive as), so a test reads `channel.id` or `workspace.timezone` with the
// compiler's help instead of `res.json().id`. A fixture that does not get its 201 fails loudly.
import type { workspaceSchema } from '@cadence/domain/accounts/schemas';
import type { channelSchema } from '@cadence/domain/channels/schemas';
import type { z } from 'zod';
import { type Caller, call, type TestApp } from '../helpers';

/** A response schema's type as JSON carries it: dates become strings. */
type AsJson<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

export type WorkspaceRecord = AsJson<z.infer<typeof workspaceSchema>>;
export type ChannelRecord = AsJson<z.infer<typeof channelSchema>>;

async function created<T>(what: string, res: { statusCode: number; body: string; json(): unknown }) {
  if (res.statusCode !== 201) throw new Error(`${what} failed: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** Another workspace, owned by `by` (isolation tests: "someone else's" workspace). */
export async function createWorkspace(
  t: TestApp,
  by: Caller,
  input: { name?: string; timezone?: string; locale?: 'en' | 'fr' } = {},
): Promise<WorkspaceRecord> {
  const res = await call(t, by, {
    method: 'POST',
    url: '/api/v1/workspaces',
    payload: {
      name: input.name ?? 'Other',
      timezone: input.timezone ?? 'UTC',
      ...(input.locale ? { locale: input.locale } : {}),
    },
  });
  return created<WorkspaceRecord>('workspace', res);
}

/** A sandbox channel (publishes nowhere); its handle is derived from the name unless given. */
export async function createSandboxChannel(
  t: TestApp,
  by: Caller,
  workspaceId: string,
  input: { displayName: string; handle?: string },
): Promise<ChannelRecord> {
  const res = await call(t, by, {
    method: 'POST',
    url: `/api/v1/workspaces/${workspaceId}/channels`,
    payload: {
      network: 'sandbox',
      displayName: input.displayName,
      handle: input.handle ?? `@${input.displayName.toLowerCase().replace(/\W+/g, '-')}`,
    },
  });
  return created<ChannelRecord>('channel', res);
}
