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
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|out|dist|test-results|playwright-report)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
