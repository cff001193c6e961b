// Import cycles are refused by the build (`npm run lint` runs `npm run cycles`).
// Type-only imports count too (tsPreCompilationDeps): two files that know each other's types are
// still tangled, even when the compiled JavaScript would drop the import.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-import-cycles',
      severity: 'error',
      comment: 'Files must not import each other, directly or through others (type-only imports included). Move what both need into a module of its own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'stores-below-flows',
      severity: 'error',
      comment: 'renderer/src/store: a store file changes only its own state; saving/ and flows/ build on the stores, never the reverse (renderer/src/store/README.md).',
      from: { path: '^renderer/src/store/(window/)?[^/]+[.]ts$', pathNot: '[.]test[.]ts$' },
      to: { path: '^renderer/src/store/(flows|saving)/' },
    },
    {
      name: 'saving-below-flows',
      severity: 'error',
      comment: 'renderer/src/store: the saving machinery serves the flows and never calls one.',
      from: { path: '^renderer/src/store/saving/', pathNot: '[.]test[.]ts$' },
      to: { path: '^renderer/src/store/flows/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|out|dist|test-results|playwright-report)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
