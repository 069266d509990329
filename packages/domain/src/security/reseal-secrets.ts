// Re-encrypts every stored secret with the first key of the ring, bound to its row (version 2),
// so an older key can be removed from ENCRYPTION_KEYS and values sealed before binding are
// upgraded. Safe to run while Cadence writes: each value is replaced only if it is still the one
// that was read (a concurrent writer already sealed with the first key), and running it twice
// changes nothing the second time. Work goes in small batches by primary key, never one big
// transaction.
import {
  channels,
  type Executor,
  mastodonApps,
  oauthConnectRequests,
  webhookSubscriptions,
} from '@cadence/db';
import { and, asc, eq, gt, isNotNull } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type KeyRing, needsReseal, open, type SealBinding, seal, sealedIn, sealedKeyId } from './secret-box';

interface SealedColumn {
  name: string;
  table: PgTable;
  id: PgColumn;
  value: PgColumn;
  /** The value column's property name in the drizzle table, for the update. */
  key: string;
  binding: (rowId: string) => SealBinding;
}

/** Every column that holds a sealed value. A new one must be added here to be resealed. */
export const SEALED_COLUMNS: SealedColumn[] = [
  {
    name: 'channels.credentials_sealed',
    table: channels,
    id: channels.id,
    value: channels.credentialsSealed,
    key: 'credentialsSealed',
    binding: sealedIn.channelCredentials,
  },
  {
    name: 'mastodon_apps.client_secret_sealed',
    table: mastodonApps,
    id: mastodonApps.id,
    value: mastodonApps.clientSecretSealed,
    key: 'clientSecretSealed',
    binding: sealedIn.mastodonClientSecret,
  },
  {
    name: 'oauth_connect_requests.code_verifier_sealed',
    table: oauthConnectRequests,
    id: oauthConnectRequests.id,
    value: oauthConnectRequests.codeVerifierSealed,
    key: 'codeVerifierSealed',
    binding: sealedIn.connectCodeVerifier,
  },
  {
    name: 'webhook_subscriptions.secret_sealed',
    table: webhookSubscriptions,
    id: webhookSubscriptions.id,
    value: webhookSubscriptions.secretSealed,
    key: 'secretSealed',
    binding: sealedIn.webhookSecret,
  },
];

export interface ResealReport {
  column: string;
  /** Values re-encrypted by this run. */
  resealed: number;
  /** Values already sealed with the first key and bound to their row. */
  current: number;
  /** Values another writer replaced while this run worked on them (already current). */
  changedMeanwhile: number;
  /** Values no configured key opens: they keep an old key alive (or are lost). */
  unopenable: { id: string; keyId: string; reason: string }[];
}

export async function resealSecrets(
  db: Executor,
  ring: KeyRing,
  options: { batchSize?: number } = {},
): Promise<ResealReport[]> {
  if (!ring.keys[0]) throw new Error('no encryption key configured');
  const batchSize = options.batchSize ?? 200;
  const reports: ResealReport[] = [];
  for (const column of SEALED_COLUMNS) {
    const report: ResealReport = {
      column: column.name,
      resealed: 0,
      current: 0,
      changedMeanwhile: 0,
      unopenable: [],
    };
    let after: string | null = null;
    for (;;) {
      const rows = (await db
        .select({ id: column.id, value: column.value })
        .from(column.table)
        .where(and(isNotNull(column.value), after === null ? undefined : gt(column.id, after)))
        .orderBy(asc(column.id))
        .limit(batchSize)) as { id: string; value: string }[];
      if (rows.length === 0) break;
      for (const row of rows) await resealOne(db, ring, column, row, report);
      after = rows[rows.length - 1]?.id ?? null;
    }
    reports.push(report);
  }
  return reports;
}

async function resealOne(
  db: Executor,
  ring: KeyRing,
  column: SealedColumn,
  row: { id: string; value: string },
  report: ResealReport,
) {
  const binding = column.binding(row.id);
  let plaintext: string;
  try {
    if (!needsReseal(ring, row.value)) {
      // Opening proves the value is bound to this row, not copied from another one.
      open(ring, row.value, binding);
      report.current++;
      return;
    }
    plaintext = open(ring, row.value, binding);
  } catch (error) {
    report.unopenable.push({ id: row.id, keyId: keyIdOf(row.value), reason: describe(error) });
    return;
  }
  const updated = await db
    .update(column.table)
    .set({ [column.key]: seal(ring, plaintext, binding) } as never)
    .where(and(eq(column.id, row.id), eq(column.value, row.value)))
    .returning({ id: column.id });
  if (updated.length === 1) report.resealed++;
  else report.changedMeanwhile++;
}

function keyIdOf(value: string): string {
  try {
    return sealedKeyId(value);
  } catch {
    return '?';
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
