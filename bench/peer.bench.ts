/**
 * (#25) The peer's figures beside Hashiye's: Recogito's text annotator (installed by
 * scripts/peerBench.mjs into a temporary folder named by HASHIYE_BENCH_PEER_SCRIPT, only with
 * `npm run bench -- --peer recogito`) on the same 1 MB article and its 10,000 annotations, in the
 * same Chromium: open (text into the page, annotator created, annotations set, painted), adding
 * one annotation to painted, JS heap and DOM nodes after opening. bench.mjs sets them beside
 * Hashiye's open and computes the ratio from the same run.
 */
import { chromium, test, type Page } from '@playwright/test';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemChromium } from '../e2e/browserLocation';
import { writeBigArticle } from './benchInputs';
import { median, percentile, round } from './stats';
import { recordFigures } from './benchResults';

const inputs = process.env.HASHIYE_BENCH_DIR ?? path.join(os.tmpdir(), 'hashiye-bench-inputs');
const resultsFile = process.env.HASHIYE_BENCH_RESULTS ?? path.join(inputs, 'results.json');
const RUNS = Number(process.env.HASHIYE_BENCH_RUNS ?? 5);
const TAGGINGS = Math.min(30, Number(process.env.HASHIYE_BENCH_TAGGINGS ?? 60));
const peerScript = process.env.HASHIYE_BENCH_PEER_SCRIPT ?? '';
const peerStyle = process.env.HASHIYE_BENCH_PEER_STYLE ?? '';

/** A peer annotation as Recogito's text annotator takes it: UTF-16 offsets into the container's text. */
interface PeerAnnotation {
  id: string;
  bodies: { id: string; annotation: string; purpose: string; value: string }[];
  target: { annotation: string; selector: { quote: string; start: number; end: number }[] };
}

function peerAnnotation(id: string, type: string, text: string, start: number, end: number): PeerAnnotation {
  return { id, bodies: [{ id: `${id}-tag`, annotation: id, purpose: 'tagging', value: type }], target: { annotation: id, selector: [{ quote: text.slice(start, end), start, end }] } };
}

/** The article's annotations (code points in the file) at UTF-16 offsets of its text. */
async function peerAnnotationsOf(annotationPath: string, text: string): Promise<PeerAnnotation[]> {
  const file = JSON.parse(await fs.readFile(annotationPath, 'utf8')) as { annotations: { id: string; type: string; start: number; end: number }[] };
  const utf16At: number[] = [];
  let unit = 0;
  for (const character of text) {
    utf16At.push(unit);
    unit += character.length;
  }
  utf16At.push(unit);
  return file.annotations.map((annotation) => peerAnnotation(annotation.id, annotation.type, text, utf16At[annotation.start], utf16At[annotation.end]));
}

/** Puts the text in the page as paragraphs with the line breaks between them (so the container's text is the article's), creates the annotator, sets the annotations and waits for the paint. */
async function openPeerTimed(page: Page, text: string, annotations: PeerAnnotation[]): Promise<number> {
  return page.evaluate(
    async ({ text: articleText, annotations: list }) => {
      const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
      const started = performance.now();
      const container = document.createElement('div');
      container.id = 'peer-text';
      container.dir = 'rtl';
      articleText.split('\n').forEach((line, index) => {
        if (index > 0) container.append('\n');
        const paragraph = document.createElement('p');
        paragraph.textContent = line;
        container.append(paragraph);
      });
      document.body.append(container);
      const global = window as unknown as { RecogitoJS: { createTextAnnotator(element: HTMLElement): { setAnnotations(annotations: unknown[]): void } }; peerAnnotator: unknown };
      const annotator = global.RecogitoJS.createTextAnnotator(container);
      annotator.setAnnotations(list);
      global.peerAnnotator = annotator;
      await painted();
      return performance.now() - started;
    },
    { text, annotations },
  );
}

/** Adds one annotation through the annotator's API and waits for the frame that paints it. */
async function tagPeerTimed(page: Page, annotation: PeerAnnotation): Promise<number> {
  return page.evaluate(async (added) => {
    const annotator = (window as unknown as { peerAnnotator: { addAnnotation(annotation: unknown): void } }).peerAnnotator;
    const started = performance.now();
    annotator.addAnnotation(added);
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    return performance.now() - started;
  }, annotation);
}

async function heapUsedMb(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  await session.detach();
  return usage.usedSize / (1024 * 1024);
}

function record(figures: Record<string, number | string | null>): Promise<void> {
  return recordFigures(resultsFile, figures);
}

test('peer: Recogito text annotator on the 1 MB article', async () => {
  test.skip(peerScript === '', 'no peer asked (npm run bench -- --peer recogito)');
  test.setTimeout(20 * 60_000);
  // The same article as app.bench.ts (same generator, size and seed), written apart.
  const big = await writeBigArticle(path.join(inputs, 'peer-article'), { name: 'big-article.txt', bytes: 1_000_000, annotations: 10_000 });
  const text = await fs.readFile(big.articlePath, 'utf8');
  const annotations = await peerAnnotationsOf(big.annotationPath, text);
  const browser = await chromium.launch({ executablePath: systemChromium(), args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const opens: number[] = [];
  let heapMb = 0;
  let domNodes = 0;
  const tags: number[] = [];
  try {
    // A fresh page for each opening (the last one is measured for heap, DOM and tagging), so that no earlier annotator stays in the heap.
    let page: Page | null = null;
    for (let run = 0; run <= RUNS; run++) {
      await page?.close();
      page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.setContent('<!doctype html><html lang="fa"><head><meta charset="utf-8"></head><body></body></html>');
      if (peerStyle !== '') await page.addStyleTag({ path: peerStyle });
      // The UMD build reads process.env.NODE_ENV, which a bundler would have replaced.
      await page.addScriptTag({ content: "window.process = { env: { NODE_ENV: 'production' } };" });
      await page.addScriptTag({ path: peerScript });
      const openMs = await openPeerTimed(page, text, annotations);
      if (run > 0) opens.push(openMs);
      console.log(`peer open run ${run}: ${round(openMs)} ms`);
    }
    if (page === null) return;
    heapMb = await heapUsedMb(page);
    domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    // New annotations on words spread over the first screens, as an analyst would tag.
    for (let index = 0; index < TAGGINGS; index++) {
      const start = text.indexOf(' ', 200 + index * 997) + 1;
      const end = text.indexOf(' ', start + 1);
      tags.push(await tagPeerTimed(page, peerAnnotation(`peer-new-${index}`, 'PER', text, start, end)));
    }
  } finally {
    await browser.close();
  }
  await record({
    peerName: 'recogito',
    peerOpenMs: round(median(opens)),
    peerTagP50Ms: round(median(tags)),
    peerTagP95Ms: round(percentile(tags, 95)),
    peerHeapMb: round(heapMb),
    peerDomNodes: domNodes,
  });
});
