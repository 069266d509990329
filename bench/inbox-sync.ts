// The inbox sync of 10,000 items across 20 channels (issue 16): each channel's first sync walks
// its 7-day backfill from a stand-in of Mastodon's documented notifications API on loopback (500
// mentions per channel, one in ten a reply whose thread the sync asks the instance for), through
// the sync's own code (`syncInboxChannel`), four channels at a time as the job runner runs them.
// Measured: the time until every channel is synced, and the database statements per item stored
// (every query the process sends, counted at node-postgres's client).
import { performance } from 'node:perf_hooks';
import { channels, connectPostgres, inboxItems } from '@cadence/db';
import { sealedIn, sealJson } from '@cadence/domain/security/secret-box';
import { createMastodonAdapter } from '@cadence/networks/mastodon/adapter';
import { addMention, startMastodonInbox } from '@cadence/networks/testing';
import { count } from 'drizzle-orm';
import pg from 'pg';
import { syncInboxChannel } from '../apps/publisher/src/inbox/sync-channel';
import { dropDatabase, ensureDatabase } from './calendar-seed';

const DATABASE_URL =
  process.env.BENCH_INBOX_SYNC_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cadence_bench_inbox_sync';
const CHANNELS = 20;
const PER_CHANNEL = 500;
const AT_ONCE = 4;
const WORKSPACE = '00000000-0000-4000-8000-000000000002';
const keyRing = { keys: [{ id: 'bench', key: Buffer.alloc(32, 1) }] };

/** Counts every statement any node-postgres client of this process sends while `run` runs. */
async function countingQueries<T>(run: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const original = pg.Client.prototype.query;
  let queries = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    queries++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    return { result: await run(), queries };
  } finally {
    pg.Client.prototype.query = original;
  }
}

export async function benchInboxSync(): Promise<string[]> {
  await dropDatabase(DATABASE_URL);
  await ensureDatabase(DATABASE_URL);
  const database = connectPostgres(DATABASE_URL, 6);
  await database.migrate();
  const fake = await startMastodonInbox();
  try {
    const now = new Date();
    // Our post the replies answer, then 500 mentions over the last six days.
    fake.statuses.set('100', {
      ...addMention(fake, { id: 100, minutesAgo: 9000, now }),
      in_reply_to_id: null,
    });
    fake.notifications.length = 0;
    for (let i = 0; i < PER_CHANNEL; i++) {
      addMention(fake, {
        id: 1000 + i,
        minutesAgo: (PER_CHANNEL - i) * 17,
        now,
        ...(i % 10 === 0 ? { inReplyTo: '100' } : {}),
      });
    }
    const { db } = database;
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(
      `INSERT INTO workspaces (id, name, timezone) VALUES ('${WORKSPACE}', 'Inbox sync bench', 'Europe/Paris')`,
    );
    await client.end();
    const ids: string[] = [];
    for (let c = 0; c < CHANNELS; c++) {
      const id = crypto.randomUUID();
      const credentials = sealJson(
        keyRing,
        { instanceUrl: 'https://mastodon.example', accessToken: fake.token },
        sealedIn.channelCredentials(id),
      );
      await db.insert(channels).values({
        id,
        workspaceId: WORKSPACE,
        network: 'mastodon',
        displayName: `Channel ${c}`,
        handle: `@c${c}`,
        credentialsSealed: credentials,
      });
      ids.push(id);
    }
    const deps = {
      db,
      adapters: {
        mastodon: createMastodonAdapter({ http: { allowPrivateNetworkUrls: true }, baseUrl: fake.net.url }),
      },
      keyRing,
      clock: () => new Date(),
    };
    const signal = new AbortController().signal;
    const queue = [...ids];
    let runs = 0;
    const start = performance.now();
    const { queries } = await countingQueries(() =>
      Promise.all(
        Array.from({ length: AT_ONCE }, async () => {
          for (let id = queue.shift(); id; id = queue.shift()) {
            // A walk longer than a run's pages continues in the next run at once, as the job does.
            for (let outcome = 'more'; outcome === 'more'; runs++) {
              outcome = (await syncInboxChannel(deps, id, signal)).outcome;
            }
          }
        }),
      ),
    );
    const seconds = (performance.now() - start) / 1000;
    const [stored] = await db.select({ n: count() }).from(inboxItems);
    const items = stored?.n ?? 0;
    return [
      `${CHANNELS} Mastodon channels, ${PER_CHANNEL} mentions each within the 7-day backfill (one in ten a reply to our post, its thread asked of the instance), a stand-in of Mastodon's notifications API on loopback answering at once; each channel's first sync through \`syncInboxChannel\`, ${AT_ONCE} channels at a time; PostgreSQL at 127.0.0.1, a pool of 6 connections.`,
      '',
      '| figure | value |',
      '| --- | ---: |',
      `| items stored | ${items.toLocaleString('en')} (expected ${(CHANNELS * PER_CHANNEL).toLocaleString('en')}) |`,
      `| time until every channel is synced | ${seconds.toFixed(1)} s |`,
      `| items per second | ${Math.round(items / seconds).toLocaleString('en')} |`,
      `| sync runs (at most 10 pages each) | ${runs} |`,
      `| calls to the instance | ${fake.calls.toLocaleString('en')} |`,
      `| database statements | ${queries.toLocaleString('en')} |`,
      `| database statements per item | ${(queries / Math.max(1, items)).toFixed(2)} |`,
    ];
  } finally {
    await fake.net.close();
    await database.close();
  }
}
