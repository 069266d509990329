// Starts a real Bluesky network with an in-memory PLC (@atproto/dev-env, TestNetwork: a PDS, and the
// AppView behind it that answers app.bsky.* reads such as listNotifications, which the inbox sync
// needs) and prints one JSON line with the PDS's URL. Runs on Node 22 only. The AppView needs
// PostgreSQL and Redis: DB_POSTGRES_URL, DB_POSTGRES_SCHEMA and REDIS_HOST come from
// run-interop.mjs. Stops when stdin closes or on SIGTERM, so the parent never leaves it behind.
import { TestNetwork } from '@atproto/dev-env';

const network = await TestNetwork.create({ pds: { inviteRequired: false } });
process.stdout.write(`${JSON.stringify({ pdsUrl: network.pds.url })}\n`);

let closing = false;
async function stop() {
  if (closing) return;
  closing = true;
  await network.close().catch(() => {});
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
