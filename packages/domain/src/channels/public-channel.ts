import type { channels } from '@cadence/db';

export type ChannelRow = typeof channels.$inferSelect;

/** The public view of a channel; the sealed credentials never leave this function's input. */
export function toPublicChannel(row: ChannelRow) {
  return {
    id: row.id,
    network: row.network,
    displayName: row.displayName,
    handle: row.handle,
    status: row.status,
    statusReason: row.statusReason,
    hasCredentials: row.credentialsSealed !== null,
    sendLimit: row.sendLimit ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
