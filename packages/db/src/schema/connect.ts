// Connecting accounts: authorisation requests in flight (state + PKCE verifier, kept server-side
// and single-use), the apps Cadence registered on Mastodon instances, and when each channel's
// access token expires, so a job can renew it before it does.
import { instant } from './columns';
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from './accounts';
import { channels, networkEnum } from './channels';

const ts = (name: string) => instant(name);

export const oauthConnectRequests = pgTable(
  'oauth_connect_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** SHA-256 of the state sent to the network; the state itself is never stored. */
    stateHash: text('state_hash').notNull(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    network: networkEnum('network').notNull(),
    /** Mastodon: the instance's origin. */
    instanceUrl: text('instance_url'),
    /** A Facebook page or LinkedIn organisation to connect, when the person chose one. */
    accountId: text('account_id'),
    /** Set when reconnecting an existing channel. */
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'cascade' }),
    /** AES-256-GCM sealed PKCE code verifier. */
    codeVerifierSealed: text('code_verifier_sealed').notNull(),
    redirectUri: text('redirect_uri').notNull(),
    expiresAt: ts('expires_at').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('oauth_connect_requests_state_unique').on(t.stateHash),
    index('oauth_connect_requests_expiry_idx').on(t.expiresAt),
  ],
);

export const mastodonApps = pgTable(
  'mastodon_apps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    instanceOrigin: text('instance_origin').notNull(),
    redirectUri: text('redirect_uri').notNull(),
    clientId: text('client_id').notNull(),
    clientSecretSealed: text('client_secret_sealed').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('mastodon_apps_instance_unique').on(t.instanceOrigin, t.redirectUri)],
);

export const channelTokens = pgTable(
  'channel_tokens',
  {
    channelId: uuid('channel_id')
      .primaryKey()
      .references(() => channels.id, { onDelete: 'cascade' }),
    accessExpiresAt: ts('access_expires_at'),
    /** A refresh in progress holds this lease, so two publishers never spend one refresh token twice. */
    refreshLeaseUntil: ts('refresh_lease_until'),
    lastRefreshedAt: ts('last_refreshed_at'),
    failures: integer('failures').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('channel_tokens_expiry_idx').on(t.accessExpiresAt)],
);
