// Package boundaries, checked by `pnpm lint` (decision 0080). Paths are repository-relative.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'web-reaches-server',
      comment:
        'The browser bundle may only reach browser-safe code: no database, configuration, network adapters, apps or Node built-ins, even through another module.',
      severity: 'error',
      from: { path: '^apps/web/src' },
      to: {
        reachable: true,
        path: '^(packages/(db|config|networks)|apps/(api|publisher))/',
      },
    },
    {
      name: 'web-reaches-node-builtins',
      severity: 'error',
      from: { path: '^apps/web/src', pathNot: '\\.test\\.tsx?$|/test/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'package-imports-app',
      comment: 'Packages are the ground apps stand on; an app is never imported by a package.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-imports-framework',
      comment: 'Business rules stay free of HTTP and UI frameworks.',
      severity: 'error',
      from: { path: '^packages/domain/' },
      to: { path: 'node_modules/(fastify|@fastify|react|react-dom)/' },
    },
    {
      name: 'network-stand-ins-only-in-tests',
      comment:
        'The network stand-ins (@cadence/networks/testing) serve tests and browser tests, never running code.',
      severity: 'error',
      from: {
        path: '^(apps|packages)/',
        pathNot: '\\.test\\.tsx?$|/test/|^apps/web/e2e/|^packages/networks/src/testing/',
      },
      to: { path: '^packages/networks/src/testing/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    parser: 'tsc',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|data)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
