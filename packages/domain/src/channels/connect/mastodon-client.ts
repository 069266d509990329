// Cadence registers one app per Mastodon instance (and redirect URI), reused by every workspace
// connecting an account there; its secret is sealed like any credential.
import { randomUUID } from 'node:crypto';
import { mastodonApps } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import { openJson, sealedIn, sealJson } from '../../security/secret-box';
import type { ConnectDeps, OAuthClient } from './channel-access';

/** The app Cadence registered on the instance for this redirect URI, if any. */
export async function knownMastodonClient(
  deps: Pick<ConnectDeps, 'db' | 'keyRing'>,
  instanceOrigin: string,
  redirectUri: string,
): Promise<OAuthClient | null> {
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
}

/** The instance's app, registered on first use. */
export async function mastodonClient(
  deps: ConnectDeps,
  instanceOrigin: string,
  redirectUri: string,
): Promise<OAuthClient> {
  const known = await knownMastodonClient(deps, instanceOrigin, redirectUri);
  if (known) return known;
  const app = await deps.access.registerMastodonApp(instanceOrigin, redirectUri);
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
  return inserted.length > 0 ? app : ((await knownMastodonClient(deps, instanceOrigin, redirectUri)) ?? app);
}
