// `npm run bench`: builds the renderer, generates the inputs in a temporary folder (a 1 MB
// Persian article with 10,000 annotations; a corpus of 10,000 articles), runs the timed
// measurements through Playwright (bench/playwright.bench.config.ts) in Chromium against the
// real main-process handlers, prints a table, and ends with one line of JSON of the figures.
// Options: --runs N (timed repetitions, default 5), --taggings N (default 60, plus half as many
// pressed at once after selecting),
// --articles N (corpus size, default 10000), --no-build, --keep (keep the inputs),
// --grep REGEX (run only the cases whose title matches, e.g. "long line|100,000|font" for the
// pathological cases of bench/pathological.bench.ts; on 2 shared cores, run heavy cases alone),
// --peer recogito (#25: also run Recogito's text annotator on the same article, installed from
// npm into a temporary folder for this run only: scripts/peerBench.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installPeer, peerRequest } from './peerBench.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
};
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => candidate && existsSync(candidate));
if (!chromium) {
  console.error('bench: no Chromium found (install it: apt-get install -y --no-install-recommends chromium, or set CHROMIUM_PATH).');
  process.exit(1);
}

if (!args.includes('--no-build')) {
  console.log('bench: building the renderer (electron-vite build)…');
  const build = spawnSync(npx, ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// The peer is installed before anything is timed; when it cannot be, one line says so and the bench goes on.
const peer = peerRequest(args);
let installedPeer = null;
if (peer?.error) console.log(peer.error);
else if (peer) {
  console.log(`bench: installing ${peer.label} (${peer.packageName}) into a temporary folder…`);
  const installed = installPeer(peer);
  if (installed.error) console.log(installed.error);
  else installedPeer = installed;
}

const inputs = mkdtempSync(path.join(os.tmpdir(), 'hashiye-bench-'));
const resultsFile = path.join(inputs, 'results.json');
console.log(`bench: inputs in ${inputs}`);
const grep = option('grep', null);
// With a peer, its case runs too, whatever --grep chose.
const grepWithPeer = grep && installedPeer ? `${grep}|peer:` : grep;
const run = spawnSync(npx, ['playwright', 'test', '-c', 'bench/playwright.bench.config.ts', ...(grepWithPeer ? ['--grep', grepWithPeer] : [])], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    HASHIYE_BENCH_DIR: inputs,
    HASHIYE_BENCH_RESULTS: resultsFile,
    HASHIYE_BENCH_RUNS: option('runs', '5'),
    HASHIYE_BENCH_TAGGINGS: option('taggings', '60'),
    HASHIYE_BENCH_ARTICLES: option('articles', '10000'),
    HASHIYE_BENCH_PEER_SCRIPT: installedPeer?.script ?? '',
    HASHIYE_BENCH_PEER_STYLE: installedPeer?.style ?? '',
  },
});
installedPeer?.cleanup();

let figures = {};
try {
  figures = JSON.parse(readFileSync(resultsFile, 'utf8'));
} catch {
  console.error('bench: no figures were recorded.');
}
if (!args.includes('--keep')) rmSync(inputs, { recursive: true, force: true });

const cores = os.availableParallelism();
// How many times longer the peer takes to open the article than Hashiye, both from this run.
if (typeof figures.peerOpenMs === 'number' && typeof figures.openMs === 'number' && figures.openMs > 0) figures.peerOpenRatio = Math.round((figures.peerOpenMs / figures.openMs) * 100) / 100;
const show = (value, unit = '') => (value === undefined || value === null ? '—' : `${value}${unit}`);
const rows = [
  ['Open 1 MB article, 10,000 annotations', show(figures.openMs, ' ms'), `plain <p>: ${show(figures.openPlainMs, ' ms')}`, `ratio ${show(figures.openRatio, '×')}`, '< 300 ms, ≤ 1.5×'],
  ['  of which article.load (harness IPC)', show(figures.openLoadMs, ' ms'), `main side alone: ${show(figures.openMainMs, ' ms')}`, `commit at ${show(figures.openCommitMs, ' ms')}`, ''],
  ['  renderer: load answer → painted', show(figures.openRenderMs, ' ms'), `plain <p>: ${show(figures.openPlainMs, ' ms')}`, `ratio ${show(figures.openRenderRatio, '×')}`, ''],
  ['  main + renderer (no CDP transport)', show(figures.openWithoutTransportMs, ' ms'), `plain <p>: ${show(figures.openPlainMs, ' ms')}`, `ratio ${show(figures.openWithoutTransportRatio, '×')}`, ''],
  ['  every paragraph in the DOM', show(figures.openCompleteMs, ' ms'), '', '', ''],
  ['Tag a selection, p50', show(figures.tagP50Ms, ' ms'), `key doing nothing: ${show(figures.tagNoOpKeyP50Ms, ' ms')}`, `${show(figures.tagCount)} taggings`, ''],
  ['Tag a selection, p95', show(figures.tagP95Ms, ' ms'), `key doing nothing: ${show(figures.tagNoOpKeyP95Ms, ' ms')}`, `commit p95 ${show(figures.tagCommitP95Ms, ' ms')}`, '< 16 ms'],
  ['  its element (label chip, outline) painted, p50 / p95', `${show(figures.tagElementP50Ms)} / ${show(figures.tagElementP95Ms, ' ms')}`, '', 'the same unless a CSS highlight showed it first (#25)', ''],
  ['  by the browser (Event Timing): taggings at 16 ms or more', show(figures.tagEventTimingOver16Pct, ' %'), '', 'key press to next paint presented, in 8 ms steps', '< 5 % (p95 < 16 ms)'],
  ['  key pressed at once after selecting, p50 / p95', `${show(figures.tagImmediateP50Ms)} / ${show(figures.tagImmediateP95Ms, ' ms')}`, '', 'no pause between mouse-up and key', ''],
  ['  main-thread work of a tagging, p50 / p95', `${show(figures.tagWorkP50Ms)} / ${show(figures.tagWorkP95Ms, ' ms')}`, '', `${show(figures.tagFirstFramePct, ' %')} in the first frame`, '< 16 ms (one frame)'],
  ['  design probe: a range added to a CSS Custom Highlight, p50 / p95', `${show(figures.tagHighlightApiP50Ms)} / ${show(figures.tagHighlightApiP95Ms, ' ms')}`, '', 'no element changed (#25)', ''],
  ['  design probe: drawn chunks\' highlights per type, a range and a chip, p50 / p95', `${show(figures.tagHighlightDrawnP50Ms)} / ${show(figures.tagHighlightDrawnP95Ms, ' ms')}`, '', 'no element of the text changed (#25)', ''],
  ['Scroll top to bottom, janky frames', show(figures.scrollJankPct, ' %'), `plain <p>: ${show(figures.scrollJankPlainPct, ' %')}`, `p95 frame ${show(figures.scrollFrameP95Ms, ' ms')}`, 'low'],
  ['Scroll with 2,000 relations (arcs), janky frames', show(figures.relationsScrollJankPct, ' %'), `without: ${show(figures.scrollJankPct, ' %')}`, `p95 frame ${show(figures.relationsScrollFrameP95Ms, ' ms')}`, 'as without'],
  ['Tag a selection with 2,000 relations, p95', show(figures.relationsTagP95Ms, ' ms'), `without: ${show(figures.tagP95Ms, ' ms')}`, `p50 ${show(figures.relationsTagP50Ms, ' ms')}`, 'as without'],
  ['Peer (Recogito text annotator): open 1 MB article', show(figures.peerOpenMs, ' ms'), `Hashiye: ${show(figures.openMs, ' ms')}`, `Hashiye ${show(figures.peerOpenRatio, '×')} faster (peerOpenRatio)`, ''],
  ['  peer: add one annotation to painted, p50 / p95', `${show(figures.peerTagP50Ms)} / ${show(figures.peerTagP95Ms, ' ms')}`, `Hashiye key to paint p95: ${show(figures.tagP95Ms, ' ms')}`, 'through its API (no selection)', ''],
  ['  peer: JS heap / DOM nodes after open', `${show(figures.peerHeapMb, ' MB')} / ${show(figures.peerDomNodes)}`, `Hashiye: ${show(figures.heapMb, ' MB')} / ${show(figures.domNodes)}`, '', ''],
  ['JS heap after open', show(figures.heapMb, ' MB'), `short article: ${show(figures.heapBaselineMb, ' MB')}`, '', ''],
  ['  of it Playwright\'s and the bench\'s (heapHarnessMb)', show(figures.heapHarnessMb, ' MB'), '', 'retained in a snapshot of the same heap (bench/heapHarness.ts)', 'no analyst\'s window holds it'],
  ['DOM after open (elements in the page)', show(figures.domNodes), `article: ${show(figures.articleDomNodes)} elements and text nodes`, `${show(figures.articleDomMarks)} highlight elements; after scrolling to the end ${show(figures.domNodesAfterScroll)} elements, ${show(figures.articleDomMarksAfterScroll)} highlights`, 'proportional to the view'],
  ['List 10,000 articles (open folder → list painted)', show(figures.listMs, ' ms'), `readdir+stat: ${show(figures.listFloorMs, ' ms')}`, `scan: cached ${show(figures.listScanWarmMs, ' ms')}, uncached ${show(figures.listScanMs, ' ms')}`, '< 500 ms'],
  ['  first listing, no cache yet', show(figures.listColdMs, ' ms'), '', 'reads every annotation file', ''],
  ['  from the cache, every status shown', show(figures.listStatusesMs, ' ms'), '', 'stamps compared after the list is shown (#25)', ''],
  ...['200k', '1m', '5m'].flatMap((size) => {
    const key = `line${size}`;
    const label = { '200k': '200 KB', '1m': '1 MB', '5m': '5 MB' }[size];
    return [
      [`One-line ${label} article: click → shown`, show(figures[`${key}ShownMs`], ' ms'), `plain Chromium, system font: ${show(figures[`${key}PlainSystemFontMs`], ' ms')}`, `all text in ${show(figures[`${key}CompleteMs`], ' ms')}, longest task ${show(figures[`${key}OpenLongestTaskMs`], ' ms')}`, '< 1 s, no task > 100 ms'],
      [`  tag a selection in it`, show(figures[`${key}TagMs`], ' ms'), `key doing nothing: ${show(figures[`${key}NoOpKeyMs`], ' ms')}`, `longest task ${show(figures[`${key}TagLongestTaskMs`], ' ms')}`, ''],
    ];
  }),
  ['100,000 annotations: click → shown', show(figures.ann100kShownMs, ' ms'), `plain <p>: ${show(figures.ann100kPlainMs, ' ms')}`, `longest task ${show(figures.ann100kOpenLongestTaskMs, ' ms')}`, '< 1 s'],
  ['  longest task, open or tag', show(figures.ann100kLongestTaskMs, ' ms'), '', 'PerformanceObserver longtask', '≤ 100 ms'],
  ['  tag a selection', show(figures.ann100kTagMs, ' ms'), `key doing nothing: ${show(figures.ann100kNoOpKeyMs, ' ms')}`, `longest task ${show(figures.ann100kTagLongestTaskMs, ' ms')}`, ''],
  ['Font, one 200 KB line laid out (plain page)', `Vazirmatn ${show(figures.line200kPlainVazirmatnMs, ' ms')}`, `system font: ${show(figures.line200kPlainSystemMs, ' ms')}`, `in 2,000-character pieces: Vazirmatn ${show(figures.line200kPlainVazirmatnPiecesMs, ' ms')}, system ${show(figures.line200kPlainSystemPiecesMs, ' ms')}`, ''],
  ['Font, one 1 MB line laid out (plain page)', `Vazirmatn ${show(figures.line1mPlainVazirmatnMs, ' ms')}`, `system font: ${show(figures.line1mPlainSystemMs, ' ms')}`, `in 2,000-character pieces: Vazirmatn ${show(figures.line1mPlainVazirmatnPiecesMs, ' ms')}, system ${show(figures.line1mPlainSystemPiecesMs, ' ms')}`, ''],
  ['Export 10,000 articles to CoNLL', show(figures.exportDocsPerSec, ' articles/s'), `read+write floor: ${show(figures.exportFloorMs, ' ms')}`, `ratio ${show(figures.exportRatio, '×')}, cp+sync ${show(figures.exportCopySyncMs, ' ms')}`, '≥ 2,000/s'],
];
const header = ['Measure (medians)', 'Hashiye', 'Baseline, same run', 'Detail', 'Target'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ');
console.log('');
console.log(`Inputs: article ${show(figures.articleBytes, ' bytes')}, ${show(figures.articleParagraphs)} paragraphs, ${show(figures.articleAnnotations)} annotations; corpus ${show(figures.corpusArticles)} articles. ${cores} cores.`);
console.log(line(header));
console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
// Cases left out of this run (--grep) have no figures: their rows are left out too.
for (const row of rows) if (row[1].replace(/[—/ ]|Vazirmatn/g, '') !== '') console.log(line(row));
if (figures.exportNote) console.log(`Export: ${figures.exportNote}`);
console.log('');
const summary = {
  openMs: figures.openMs ?? null,
  openPlainMs: figures.openPlainMs ?? null,
  openRatio: figures.openRatio ?? null,
  openRenderMs: figures.openRenderMs ?? null,
  openRenderRatio: figures.openRenderRatio ?? null,
  openMainMs: figures.openMainMs ?? null,
  openCompleteMs: figures.openCompleteMs ?? null,
  tagP50Ms: figures.tagP50Ms ?? null,
  tagP95Ms: figures.tagP95Ms ?? null,
  tagWorkP95Ms: figures.tagWorkP95Ms ?? null,
  tagElementP50Ms: figures.tagElementP50Ms ?? null,
  tagElementP95Ms: figures.tagElementP95Ms ?? null,
  tagInputDelayP95Ms: figures.tagInputDelayP95Ms ?? null,
  tagFirstFramePct: figures.tagFirstFramePct ?? null,
  tagImmediateP95Ms: figures.tagImmediateP95Ms ?? null,
  tagEventTimingOver16Pct: figures.tagEventTimingOver16Pct ?? null,
  tagNoOpKeyP50Ms: figures.tagNoOpKeyP50Ms ?? null,
  tagNoOpKeyP95Ms: figures.tagNoOpKeyP95Ms ?? null,
  tagHighlightApiP95Ms: figures.tagHighlightApiP95Ms ?? null,
  tagHighlightDrawnP95Ms: figures.tagHighlightDrawnP95Ms ?? null,
  scrollJankPct: figures.scrollJankPct ?? null,
  scrollJankPlainPct: figures.scrollJankPlainPct ?? null,
  relationsScrollJankPct: figures.relationsScrollJankPct ?? null,
  relationsTagP95Ms: figures.relationsTagP95Ms ?? null,
  relationsTagElementP95Ms: figures.relationsTagElementP95Ms ?? null,
  heapMb: figures.heapMb ?? null,
  heapHarnessMb: figures.heapHarnessMb ?? null,
  domNodes: figures.domNodes ?? null,
  articleDomNodes: figures.articleDomNodes ?? null,
  domNodesAfterScroll: figures.domNodesAfterScroll ?? null,
  listMs: figures.listMs ?? null,
  listColdMs: figures.listColdMs ?? null,
  listStatusesMs: figures.listStatusesMs ?? null,
  listScanMs: figures.listScanMs ?? null,
  listFloorMs: figures.listFloorMs ?? null,
  exportDocsPerSec: figures.exportDocsPerSec ?? null,
  exportRatio: figures.exportRatio ?? null,
  ...(figures.peerName ? { peerName: figures.peerName, peerOpenMs: figures.peerOpenMs ?? null, peerOpenRatio: figures.peerOpenRatio ?? null, peerTagP50Ms: figures.peerTagP50Ms ?? null, peerTagP95Ms: figures.peerTagP95Ms ?? null, peerHeapMb: figures.peerHeapMb ?? null, peerDomNodes: figures.peerDomNodes ?? null } : {}),
  ...Object.fromEntries(Object.entries(figures).filter(([key]) => /^(line(200k|1m|5m)|ann100k)/.test(key))),
  cores,
};
console.log(JSON.stringify(summary));
process.exit(run.status ?? 1);
