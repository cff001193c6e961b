// Export throughput (DESIGN.md: "Export 10,000 articles to CoNLL from the CLI: at least 2,000
// articles a second on 2 cores"). Needs `npm run build` first; the lead's `npm run bench` can
// import measureExportThroughput from out/main/cli.js the same way.
// Usage: node scripts/bench-export.mjs [ARTICLES] [FORMAT] [EXISTING_BENCH_CORPUS]
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write(`bench-export: ${built} is missing; run "npm run build" first.\n`);
  process.exit(1);
}
const { measureExportThroughput } = await import(pathToFileURL(built).href);
const [articles = '10000', format = 'conll', corpus] = process.argv.slice(2);
const result = await measureExportThroughput({ articles: Number(articles), format, ...(corpus ? { corpus } : {}) });
process.stdout.write(`${JSON.stringify(result)}\n`);
process.stderr.write(`export ${result.format}: ${result.articles} articles in ${result.seconds.toFixed(2)} s = ${Math.round(result.articlesPerSecond)} articles/s (${result.cores} cores; target ≥ 2000)\n`);
