import type { Network } from '@cadence/domain/networks/schemas';
import { facebookOAuth } from '../facebook/oauth';
import { instagramOAuth } from '../instagram/oauth';
import { linkedinOAuth } from '../linkedin/oauth';
import { mastodonOAuth } from '../mastodon/oauth';
import { threadsOAuth } from '../threads/oauth';
import { xOAuth } from '../x/oauth';
import type { OAuthProvider } from './types';

/** The networks connected through OAuth. Bluesky uses an app password instead. */
export const oauthProviders: Partial<Record<Network, OAuthProvider>> = {
  mastodon: mastodonOAuth,
  linkedin: linkedinOAuth,
  x: xOAuth,
  facebook: facebookOAuth,
  instagram: instagramOAuth,
  threads: threadsOAuth,
};

export const OAUTH_NETWORKS = ['mastodon', 'linkedin', 'x', 'facebook', 'instagram', 'threads'] as const;
export type OAuthNetwork = (typeof OAUTH_NETWORKS)[number];
