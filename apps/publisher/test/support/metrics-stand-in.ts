// A stand-in for a Mastodon instance and a Bluesky PDS + AppView, on node:http, implementing just
// the documented calls a publication and its metrics pulls make: Mastodon POST /api/v1/statuses
// and GET /api/v1/statuses/:id; Bluesky createSession, getRecord, createRecord, getPosts.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandIn {
  url: string;
  /** Figures the stand-in answers, by Mastodon status id or Bluesky at:// uri. */
  figures: Map<string, Record<string, number>>;
  /** While set, every metrics read answers 429 with this Retry-After (seconds). */
  rateLimitSeconds: number | null;
  /** Posts that were deleted on the network. */
  deleted: Set<string>;
  reads: number;
  close(): Promise<void>;
}

const DID = 'did:plc:standin';

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startMetricsStandIn(): Promise<StandIn> {
  let nextStatus = 100;
  const records = new Map<string, string>();
  const state: Omit<StandIn, 'url' | 'close'> = {
    figures: new Map(),
    rateLimitSeconds: null,
    deleted: new Set(),
    reads: 0,
  };
  const json = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(value));
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const isRead = url.pathname.startsWith('/api/v1/statuses/') || url.pathname.endsWith('getPosts');
    if (isRead && req.method === 'GET') {
      state.reads++;
      if (state.rateLimitSeconds !== null)
        return json(
          res,
          429,
          { error: 'Too many requests' },
          { 'retry-after': String(state.rateLimitSeconds) },
        );
    }
    if (req.method === 'POST' && url.pathname === '/api/v1/statuses') {
      await body(req);
      const id = String(nextStatus++);
      return json(res, 200, { id, url: `${url.origin}/@me/${id}` });
    }
    if (req.method === 'GET' && url.pathname.startsWith('/api/v1/statuses/')) {
      const id = decodeURIComponent(url.pathname.slice('/api/v1/statuses/'.length));
      if (state.deleted.has(id)) return json(res, 404, { error: 'Record not found' });
      const f = state.figures.get(id) ?? {};
      return json(res, 200, { id, ...f });
    }
    if (url.pathname === '/xrpc/com.atproto.server.createSession')
      return json(res, 200, { accessJwt: 'a', refreshJwt: 'r', did: DID, handle: 'me.test' });
    if (url.pathname === '/xrpc/com.atproto.repo.getRecord') {
      const uri = `at://${DID}/app.bsky.feed.post/${url.searchParams.get('rkey')}`;
      return records.has(uri)
        ? json(res, 200, { uri, cid: 'bafy', value: {} })
        : json(res, 400, { error: 'RecordNotFound', message: 'Could not locate record' });
    }
    if (url.pathname === '/xrpc/com.atproto.repo.createRecord') {
      const b = await body(req);
      const uri = `at://${DID}/app.bsky.feed.post/${String(b.rkey)}`;
      records.set(uri, 'bafy');
      return json(res, 200, { uri, cid: 'bafy' });
    }
    if (url.pathname === '/xrpc/app.bsky.feed.getPosts') {
      const uris = url.searchParams.getAll('uris');
      const posts = uris
        .filter((u) => records.has(u) && !state.deleted.has(u))
        .map((uri) => ({ uri, ...state.figures.get(uri) }));
      return json(res, 200, { posts });
    }
    json(res, 404, { error: 'NotFound' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const standIn = state as StandIn;
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  standIn.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return standIn;
}
