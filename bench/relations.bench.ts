/**
 * The 1 MB article with 2,000 relations (#20): scrolling and tagging must be as smooth as on the
 * same article without them (`scrollJankPct`, `tagP95Ms` of app.bench.ts). The relations link
 * annotations a few apart, spread over the whole article, so every screenful draws arcs.
 */
import { test } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';
import { openBigArticleApp } from './bigArticleApp';
import { armTagging, awaitTagging, scrollTimed, selectWordsInParagraph } from './pageProbes';
import { seededRandom } from './persianText';
import { jankShare, median, percentile, round } from './stats';
import { recordFigures } from './benchResults';

const inputs = process.env.HASHIYE_BENCH_DIR ?? path.join(os.tmpdir(), 'hashiye-bench-inputs');
const resultsFile = process.env.HASHIYE_BENCH_RESULTS ?? path.join(inputs, 'results.json');
const TAGGINGS = Number(process.env.HASHIYE_BENCH_TAGGINGS ?? 60);
const folder = path.join(inputs, 'relations-corpus');
const NAME = 'big-article-relations.txt';
const RELATIONS = 2000;
const SCROLL_RUNS = 2;

function record(figures: Record<string, number>): Promise<void> {
  return recordFigures(resultsFile, figures);
}

test('scroll and tag the 1 MB article with 2,000 relations', async () => {
  test.setTimeout(20 * 60_000);
  const { app, paragraphs } = await openBigArticleApp(folder, NAME, RELATIONS);
  const page = app.page;
  try {
    const jank: number[] = [];
    const frameP95: number[] = [];
    for (let run = 0; run < SCROLL_RUNS; run++) {
      const scroll = await page.evaluate(scrollTimed, { selector: '.article-scroller', frames: 300 });
      jank.push(jankShare(scroll.intervals));
      frameP95.push(percentile(scroll.intervals, 95));
      console.log(`relations scroll run ${run}: jank ${round(jankShare(scroll.intervals))} %, p95 frame ${round(percentile(scroll.intervals, 95))} ms, ${await page.locator('[data-relation-id]').count()} arcs drawn at the end`);
    }
    const random = seededRandom(2024);
    const tags: number[] = [];
    const elements: number[] = [];
    for (let index = 0; index < Math.max(10, Math.round(TAGGINGS / 2)) + 3; index++) {
      const selection = await page.evaluate(selectWordsInParagraph, { paragraphIndex: Math.floor(random() * paragraphs), wordPick: random(), wordCount: 1 + Math.floor(random() * 3) });
      if (!selection) continue;
      await page.waitForTimeout(150 + Math.floor(random() * 250));
      await page.evaluate(armTagging, 3000);
      await page.keyboard.press('Digit1');
      const timing = await page.evaluate(awaitTagging);
      if (timing && index >= 3) {
        tags.push(timing.totalMs);
        elements.push(timing.elementMs);
      }
      await page.waitForTimeout(150 + Math.floor(random() * 300));
    }
    console.log(`relations tagging: ${tags.map((value) => round(value)).join(' ')}`);
    console.log(`relations tagging, its element painted: ${elements.map((value) => round(value)).join(' ')}`);
    await record({
      relationsCount: RELATIONS,
      relationsScrollJankPct: round(median(jank)),
      relationsScrollFrameP95Ms: round(median(frameP95)),
      relationsTagP50Ms: round(percentile(tags, 50)),
      relationsTagP95Ms: round(percentile(tags, 95)),
      relationsTagElementP95Ms: round(percentile(elements, 95)),
      relationsTagCount: tags.length,
    });
  } finally {
    await app.close();
  }
});
