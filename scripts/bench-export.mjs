// Export throughput (DESIGN.md: "Export 10,000 articles to CoNLL from the CLI: at least 2,000
// articles a second on 2 cores"). The benchmark (bench/exportBenchmark.ts) is not part of the
// app: it is bundled here, with the export worker beside it as in out/main/, into out/bench/
// (never packaged: electron-builder.yml leaves it out), then run.
// Usage: node scripts/bench-export.mjs [ARTICLES] [FORMAT] [EXISTING_BENCH_CORPUS]
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.join(root, 'out', 'bench');
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: { exportBenchmark: path.join(root, 'bench/exportBenchmark.ts'), exportWorker: path.join(root, 'electron/services/transfer/exportWorker.ts') },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
const { measureExportThroughput } = await import(pathToFileURL(path.join(outDir, 'exportBenchmark.js')).href);
const [articles = '10000', format = 'conll', corpus] = process.argv.slice(2);
const result = await measureExportThroughput({ articles: Number(articles), format, ...(corpus ? { corpus } : {}) });
process.stdout.write(`${JSON.stringify(result)}\n`);
process.stderr.write(`export ${result.format}: ${result.articles} articles in ${result.seconds.toFixed(2)} s = ${Math.round(result.articlesPerSecond)} articles/s (${result.cores} cores; target ≥ 2000)\n`);
