// Starts a real Bluesky PDS with an in-memory PLC (@atproto/dev-env, TestNetworkNoAppView) and
// prints one JSON line with its URL. Runs on Node 22 only. Stops when stdin closes or on SIGTERM,
// so the parent test script never leaves it behind.
import { TestNetworkNoAppView } from '@atproto/dev-env';

const network = await TestNetworkNoAppView.create({ pds: { inviteRequired: false } });
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
