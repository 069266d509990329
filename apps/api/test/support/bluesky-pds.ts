// A local Bluesky PDS stand-in that knows one account (did:plc:ada123, ada.example.com) and one
// app password: what the connect tests sign in against.
import { type FakeNetwork, startFakeNetwork } from '@cadence/networks/testing';

export const BLUESKY_APP_PASSWORD = 'abcd-efgh-ijkl-mnop';

export function startBlueskyPds(): Promise<FakeNetwork> {
  return startFakeNetwork((app) => {
    app.post('/xrpc/com.atproto.server.createSession', async (request, reply) => {
      const body = request.body as { identifier: string; password: string };
      if (body.password !== BLUESKY_APP_PASSWORD)
        return reply
          .code(401)
          .send({ error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
      return { accessJwt: 'a', refreshJwt: 'r', did: 'did:plc:ada123', handle: 'ada.example.com' };
    });
  });
}
