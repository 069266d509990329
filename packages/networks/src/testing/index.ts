// Stand-ins for the networks, for tests only (`@cadence/networks/testing`): a recording HTTP
// server per network, an OAuth authorisation server, a Mastodon inbox, a Bluesky repository,
// library media. Apps' tests and browser tests import them from here; production code may not (a
// dependency rule in lint).
export * from './bluesky-repo';
export * from './library';
export * from './linkedin-videos';
export * from './mastodon-inbox';
export * from './meta-comments';
export * from './meta-containers';
export * from './oauth-flow';
export * from './oauth-server';
export * from './publish-request';
export * from './server';
export * from './threads-inbox';
export * from './x-media';
export * from './x-inbox';
export * from './linkedin-comments';
