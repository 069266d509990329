// The domain's public surface for callers that want one import; subpaths (e.g.
// '@cadence/domain/charter') are the usual way and keep browser bundles small.
export * from './charter/index';
export * from './errors';
export * from './networks/index';
