// Cadence registers one app per Mastodon instance (and redirect URI), reused by every workspace
// connecting an account there; its secret is sealed like any credential.
import { mastodonApps } from '@cadence/db';
import { randomUUID } from 'node:crypto';
import { openJson, sealedIn, sealJson } from '@cadence/domain/security/secret-box';
import { and, eq } from 'drizzle-orm';
import { registerMastodonApp } from '../mastodon/oauth';
import type { ConnectDeps } from './providers';
import type { OAuthClientCredentials } from './types';

export async function mastodonClient(
  deps: ConnectDeps,
  instanceOrigin: string,
  redirectUri: string,
): Promise<OAuthClientCredentials> {
  const find = async () => {
    const [row] = await deps.db
      .select()
      .from(mastodonApps)
      .where(and(eq(mastodonApps.instanceOrigin, instanceOrigin), eq(mastodonApps.redirectUri, redirectUri)));
    return row
      ? {
          clientId: row.clientId,
          clientSecret: openJson<string>(
            deps.keyRing,
            row.clientSecretSealed,
            sealedIn.mastodonClientSecret(row.id),
          ),
        }
      : null;
  };
  const known = await find();
  if (known) return known;
  const app = await registerMastodonApp({ instanceOrigin, redirectUri }, deps.http, deps.now);
  // The id is chosen here because the sealed secret is bound to its row.
  const id = randomUUID();
  const inserted = await deps.db
    .insert(mastodonApps)
    .values({
      id,
      instanceOrigin,
      redirectUri,
      clientId: app.clientId,
      clientSecretSealed: sealJson(deps.keyRing, app.clientSecret, sealedIn.mastodonClientSecret(id)),
    })
    .onConflictDoNothing()
    .returning();
  // Two people connecting the same new instance at once: the first registration wins.
  return inserted.length > 0 ? app : ((await find()) ?? app);
}
