// One graphile-worker process for the publisher bench's reference row: each job makes the same
// HMAC-signed webhook POST as Cadence's webhook adapter (same headers, same body shape), through
// Node's fetch (undici's keep-alive pool). argv[2] is a JSON GraphileSpec. Prints "ready" once
// the worker pool has started, and stops on SIGTERM.
import { signWebhook, WEBHOOK_HEADERS } from '@cadence/networks';
import { run } from 'graphile-worker';

export interface GraphileSpec {
  connectionString: string;
  concurrency: number;
  pollInterval: number;
  /** Jobs fetched (and locked) ahead per process; 0 for none (graphile-worker's default). */
  localQueue: number;
}

export interface DeliverPayload {
  id: string;
  url: string;
  secret: string;
  channelId: string;
  scheduledAt: string;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as GraphileSpec;

const runner = await run({
  connectionString: spec.connectionString,
  concurrency: spec.concurrency,
  pollInterval: spec.pollInterval,
  // graphile-worker's own advice: a pool at least as large as the concurrency.
  maxPoolSize: spec.concurrency + 2,
  noHandleSignals: false,
  logger: undefined,
  ...(spec.localQueue > 0
    ? { preset: { worker: { localQueue: { size: spec.localQueue }, completeJobBatchDelay: 0 } } }
    : {}),
  taskList: {
    async deliver(raw) {
      const job = raw as DeliverPayload;
      const now = new Date();
      const timestamp = Math.floor(now.getTime() / 1000);
      const body = JSON.stringify({
        deliveryId: job.id,
        event: 'post.published',
        sentAt: now.toISOString(),
        channelId: job.channelId,
        post: { id: job.id, text: 'Bench post', scheduledAt: job.scheduledAt },
      });
      const res = await fetch(job.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Cadence-Webhook/1',
          [WEBHOOK_HEADERS.delivery]: job.id,
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: signWebhook(job.secret, timestamp, body),
        },
        body,
      });
      await res.text();
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
    },
  },
});
process.stdout.write('ready\n');
await runner.promise;
