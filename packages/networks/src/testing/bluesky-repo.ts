// A stand-in of the Bluesky PDS's repository endpoints (com.atproto.server.createSession,
// com.atproto.repo.getRecord / putRecord / deleteRecord), enough for what the inbox writes to our
// repository: the threadgate that hides replies. Its notifications list is empty (a server that
// syncs the channel finds nothing new). putRecord honours `swapRecord` as a PDS does (the
// cid read, or null for "must not exist yet": InvalidSwap otherwise).
import { bearer, type FakeNetwork, startFakeNetwork } from './server';

export interface BlueskyRepoFake {
  net: FakeNetwork;
  did: string;
  /** Records by "collection/rkey". */
  records: Map<string, { uri: string; cid: string; value: Record<string, unknown> }>;
  /** Answer every repository call with this error until cleared. */
  mode: { failWith?: { status: number; error: string } };
}

export async function startBlueskyRepo(did = 'did:plc:brand'): Promise<BlueskyRepoFake> {
  const records: BlueskyRepoFake['records'] = new Map();
  const state: { mode: BlueskyRepoFake['mode'] } = { mode: {} };
  let writes = 0;
  const net = await startFakeNetwork((app) => {
    app.post('/xrpc/com.atproto.server.createSession', async () => ({
      accessJwt: 'access',
      refreshJwt: 'refresh',
      did,
      handle: 'brand.example',
    }));
    app.addHook('preHandler', async (request, reply) => {
      if (request.url.includes('Session')) return;
      if (bearer(request) !== 'access') return reply.code(401).send({ error: 'AuthenticationRequired' });
      const fail = state.mode.failWith;
      if (fail) return reply.code(fail.status).send({ error: fail.error, message: 'Stand-in failure' });
    });
    app.get('/xrpc/app.bsky.notification.listNotifications', async () => ({ notifications: [] }));
    app.get('/xrpc/com.atproto.repo.getRecord', async (request, reply) => {
      const { rkey, collection } = request.query as { rkey: string; collection: string };
      const found = records.get(`${collection}/${rkey}`);
      return found ?? reply.code(400).send({ error: 'RecordNotFound', message: 'Could not locate record' });
    });
    app.post('/xrpc/com.atproto.repo.putRecord', async (request, reply) => {
      const body = request.body as {
        collection: string;
        rkey: string;
        record: Record<string, unknown>;
        swapRecord?: string | null;
      };
      const key = `${body.collection}/${body.rkey}`;
      const current = records.get(key)?.cid ?? null;
      if (body.swapRecord !== undefined && body.swapRecord !== current)
        return reply.code(400).send({ error: 'InvalidSwap', message: `Record was at ${current}` });
      writes += 1;
      const made = { uri: `at://${did}/${key}`, cid: `cid-${body.rkey}-${writes}` };
      records.set(key, { ...made, value: body.record });
      return made;
    });
    app.post('/xrpc/com.atproto.repo.deleteRecord', async (request) => {
      const body = request.body as { collection: string; rkey: string };
      records.delete(`${body.collection}/${body.rkey}`);
      return {};
    });
  });
  return {
    net,
    did,
    records,
    get mode() {
      return state.mode;
    },
    set mode(mode) {
      state.mode = mode;
    },
  };
}
