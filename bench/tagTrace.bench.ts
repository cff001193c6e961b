/**
 * A trace of taggings on the 1 MB article (#25, session 10): where the time between the key
 * and the painted frame goes. Not part of `npm run bench`'s figures: run it alone with
 * `npx playwright test -c bench/playwright.bench.config.ts --grep "trace taggings"`
 * (HASHIYE_BENCH_DIR for the inputs, HASHIYE_TRACE_OUT for the trace and profile files,
 * HASHIYE_TRACE_RELATIONS=2000 for the article with relations, HASHIYE_TRACE_CSS for a style
 * sheet added to the page, HASHIYE_TRACE_SCRIPT for a script run in the page once it is open,
 * HASHIYE_TRACE_MUTATIONS=1 to log one tagging's DOM changes, HASHIYE_TRACE_CATEGORIES for more
 * trace categories, e.g. the invalidation tracking ones, HASHIYE_TRACE_LAYERS=1 to print the
 * composited layers and why each is one, before and after the taggings, HASHIYE_TRACE_EACH for an
 * expression evaluated in the page after each traced tagging, its value printed with the tagging's
 * index in the trace, HASHIYE_TRACE_PROBE=drawn for the CSS Custom Highlight design's probe
 * instead of taggings), then
 * `node bench/tagTracePhases.mjs <trace>` for the time of each part and, for each slow tagging,
 * the tasks it waited behind (from tagging.timings.json beside the trace).
 */
import { test, type CDPSession } from '@playwright/test';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeBigArticle } from './benchInputs';
import { openBigArticleApp } from './bigArticleApp';
import { armTagging, awaitTagging, selectWordsInParagraph } from './pageProbes';
import { armDrawnHighlightProbe, awaitDrawnHighlightProbe } from './drawnHighlightProbe';
import { seededRandom } from './persianText';
import type { TraceEvent } from './listTraceShares';
import { percentile, round } from './stats';

const inputs = process.env.HASHIYE_BENCH_DIR ?? path.join(os.tmpdir(), 'hashiye-bench-inputs');
const out = process.env.HASHIYE_TRACE_OUT ?? inputs;
const RELATIONS = Number(process.env.HASHIYE_TRACE_RELATIONS ?? 0);
const TAGGINGS = Number(process.env.HASHIYE_BENCH_TAGGINGS ?? 20);
/** HASHIYE_TRACE_PROBE=drawn: trace the design probe's keys (drawnHighlightProbe.ts) instead of taggings. */
const PROBE = process.env.HASHIYE_TRACE_PROBE === 'drawn';
const folder = path.join(inputs, `trace-corpus-${RELATIONS}`);
const NAME = 'big-article.txt';

/** Logs what changes in the page's DOM for 100 ms. */
function watchMutations(): void {
  const log: string[] = [];
  (window as unknown as { __mutations: string[] }).__mutations = log;
  const describe = (node: Node) => (node instanceof Element ? `${node.tagName.toLowerCase()}.${node.className}[${node.getAttribute('data-testid') ?? ''}]` : `#${node.nodeName}(${node.textContent?.length ?? 0})`);
  const observer = new MutationObserver((records) => {
    for (const record of records) log.push(`${record.type} ${describe(record.target)} in ${record.target.parentElement ? describe(record.target.parentElement) : ''} +${record.addedNodes.length}:${Array.from(record.addedNodes).map(describe).join(',').slice(0, 200)} -${record.removedNodes.length} ${record.attributeName ?? ''}`);
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  setTimeout(() => observer.disconnect(), 100);
}

/** What the frame works over: highlight ranges registered, highlight elements, chunks. */
function pageCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  CSS.highlights.forEach((highlight, name) => {
    counts[`highlight ${name}`] = highlight.size;
  });
  const root = document.querySelector('[data-testid="article"]');
  counts.marks = root?.querySelectorAll('mark.hl').length ?? 0;
  counts.chips = root?.querySelectorAll('mark.hl-first[data-label]').length ?? 0;
  counts.chunks = root?.getElementsByClassName('paragraph-chunk').length ?? 0;
  counts.elements = document.getElementsByTagName('*').length;
  return counts;
}

/** What the LayerTree domain tells of a composited layer (the fields read here). */
interface CompositedLayer {
  layerId: string;
  width: number;
  height: number;
  drawsContent: boolean;
  paintCount?: number;
}

/** The page's composited layers (#25, session 16): how many, their size, and why each is composited. */
async function logLayers(session: CDPSession, when: string): Promise<void> {
  if (!process.env.HASHIYE_TRACE_LAYERS) return;
  const layers = new Promise<CompositedLayer[]>((resolve) => session.once('LayerTree.layerTreeDidChange', (message: { layers?: CompositedLayer[] }) => resolve(message.layers ?? [])));
  await session.send('LayerTree.enable');
  const list = await layers;
  console.log(`composited layers ${when}: ${list.length}`);
  for (const layer of list) {
    const { compositingReasons = [] } = await session.send('LayerTree.compositingReasons', { layerId: layer.layerId }).catch(() => ({ compositingReasons: ['?'] }));
    console.log(`  ${layer.layerId} ${Math.round(layer.width)}x${Math.round(layer.height)} draws:${layer.drawsContent} paints:${layer.paintCount} ${compositingReasons.join(',')}`);
  }
  await session.send('LayerTree.disable');
}

test('trace taggings on the 1 MB article', async () => {
  test.setTimeout(20 * 60_000);
  // Every trace starts from the same files (the taggings of an earlier trace are saved into them).
  const pristine = path.join(inputs, `trace-pristine-${RELATIONS}`);
  if (!existsSync(pristine)) {
    await writeBigArticle(pristine, { name: NAME, bytes: 1_000_000, annotations: 10_000, relations: RELATIONS });
    await fs.writeFile(path.join(pristine, 'a-short-article.txt'), 'متن کوتاهی برای شروع.\n');
  }
  await fs.rm(folder, { recursive: true, force: true });
  await fs.cp(pristine, folder, { recursive: true });
  const { app, paragraphs } = await openBigArticleApp(folder, NAME, RELATIONS);
  const page = app.page;
  try {
    const css = process.env.HASHIYE_TRACE_CSS;
    if (css) {
      await page.evaluate((text) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }, css);
    }
    const script = process.env.HASHIYE_TRACE_SCRIPT;
    if (script) await page.evaluate(script);
    await page.waitForTimeout(1000);
    console.log(`page: ${JSON.stringify(await page.evaluate(pageCounts))}`);
    const session = await page.context().newCDPSession(page);
    const events: TraceEvent[] = [];
    session.on('Tracing.dataCollected', (message) => events.push(...(message.value as unknown as TraceEvent[])));
    await logLayers(session, 'after opening');
    const random = seededRandom(2024);
    const tags: number[] = [];
    const keyTimes: number[] = [];
    const timings: { totalMs: number; inputDelayMs: number; elementMs: number }[] = [];
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 100 });
    for (let index = 0; index < TAGGINGS + 3; index++) {
      const selection = await page.evaluate(selectWordsInParagraph, { paragraphIndex: Math.floor(random() * paragraphs), wordPick: random(), wordCount: 1 + Math.floor(random() * 3) });
      if (!selection) continue;
      await page.waitForTimeout(150 + Math.floor(random() * 250));
      if (index === 3) {
        await session.send('Tracing.start', { categories: ['devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink,blink.user_timing,toplevel', process.env.HASHIYE_TRACE_CATEGORIES].filter(Boolean).join(','), transferMode: 'ReportEvents' });
        await session.send('Profiler.start');
      }
      if (process.env.HASHIYE_TRACE_MUTATIONS && index === 5) await page.evaluate(watchMutations);
      let timing: Awaited<ReturnType<typeof awaitTagging>>;
      if (PROBE) {
        // The CSS Custom Highlight design's tagging (#25, session 19): a range and a chip, no element of the text.
        await page.evaluate(armDrawnHighlightProbe);
        await page.keyboard.press('KeyQ');
        const totalMs = await page.evaluate(awaitDrawnHighlightProbe);
        timing = { totalMs, keyTime: 0, inputDelayMs: 0, elementMs: totalMs } as NonNullable<typeof timing>;
      } else {
        await page.evaluate(armTagging, 3000);
        await page.keyboard.press('Digit1');
        timing = await page.evaluate(awaitTagging);
      }
      if (process.env.HASHIYE_TRACE_MUTATIONS && index === 5) console.log(await page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations.join('\n')));
      const each = process.env.HASHIYE_TRACE_EACH;
      if (each && index >= 3) console.log(`tagging ${tags.length}: ${JSON.stringify(await page.evaluate(each))}`);
      if (timing && index >= 3) {
        tags.push(timing.totalMs);
        keyTimes.push(timing.keyTime);
        timings.push({ totalMs: timing.totalMs, inputDelayMs: timing.inputDelayMs, elementMs: timing.elementMs });
      }
      await page.waitForTimeout(150 + Math.floor(random() * 300));
    }
    console.log(`page after the taggings: ${JSON.stringify(await page.evaluate(pageCounts))}`);
    await logLayers(session, 'after the taggings');
    const { profile } = (await session.send('Profiler.stop')) as { profile: unknown };
    const done = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
    await session.send('Tracing.end');
    await done;
    await fs.mkdir(out, { recursive: true });
    await fs.writeFile(path.join(out, 'tagging.cpuprofile'), JSON.stringify(profile));
    await fs.writeFile(path.join(out, 'tagging.trace.json'), JSON.stringify({ traceEvents: events }));
    // Read by tagTracePhases.mjs to place each key's arrival before its keydown's dispatch.
    await fs.writeFile(path.join(out, 'tagging.timings.json'), JSON.stringify(timings));
    console.log(`traced taggings: p50 ${round(percentile(tags, 50))} p95 ${round(percentile(tags, 95))}: ${tags.map((value) => round(value)).join(' ')}`);
    const elements = timings.map((timing) => timing.elementMs);
    console.log(`their elements painted: p50 ${round(percentile(elements, 50))} p95 ${round(percentile(elements, 95))}`);
  } finally {
    await app.close();
  }
});
