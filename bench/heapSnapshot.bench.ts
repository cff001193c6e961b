/**
 * A heap snapshot of the window with the 1 MB article open, after the same flow as the
 * "open, tag, scroll" case's `heapMb` (the big article opened HASHIYE_HEAP_OPENS times, 2 by
 * default as `--runs 1`, 6 as the default `--runs 5`; each time after the short one and followed
 * by the plain baseline drawn and removed, then a full GC). It runs only when
 * HASHIYE_HEAP_SNAPSHOT names the file to write; `node bench/heapSnapshotCategories.mjs <file>`
 * then sums it by category. Not a timed case: `npm run bench` skips it.
 */
import { test, type CDPSession } from '@playwright/test';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchApp } from '../e2e/harness';
import { writeBigArticle } from './benchInputs';
import { harnessShare, type HeapSnapshotJson } from './heapHarness';
import { installFrameMarks, openArticleTimed, removePlain, renderPlainTimed } from './pageProbes';

const snapshotFile = process.env.HASHIYE_HEAP_SNAPSHOT ?? '';
const folder = path.join(process.env.HASHIYE_BENCH_DIR ?? path.join(os.tmpdir(), 'hashiye-heap-inputs'), 'heap-article');
const BIG_NAME = 'big-article.txt';
const SMALL_NAME = 'a-short-article.txt';
/** How many times the big article is opened (HASHIYE_HEAP_OPENS, default 2 as `--runs 1`; `npm run bench`'s five runs open it 6 times). */
const OPENS = Math.max(1, Number(process.env.HASHIYE_HEAP_OPENS ?? 2) || 2);

async function writeSnapshot(session: CDPSession, file: string): Promise<void> {
  const out = await fs.open(file, 'w');
  let pending = Promise.resolve();
  session.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => {
    pending = pending.then(() => out.write(chunk).then(() => undefined));
  });
  await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await pending;
  await out.close();
}

test('heap snapshot with the 1 MB article open', async () => {
  test.skip(!snapshotFile, 'HASHIYE_HEAP_SNAPSHOT names no file');
  test.setTimeout(10 * 60_000);
  if (!existsSync(path.join(folder, BIG_NAME))) {
    await writeBigArticle(folder, { name: BIG_NAME, bytes: 1_000_000, annotations: 10_000 });
    await fs.writeFile(path.join(folder, SMALL_NAME), 'متن کوتاهی برای شروع.\n');
  }
  const text = await fs.readFile(path.join(folder, BIG_NAME), 'utf8');
  const app = await launchApp({ corpus: folder, host: 'chromium', annotator: 'bench' });
  const page = app.page;
  try {
    await page.evaluate(installFrameMarks);
    await page.locator('.file.current', { hasText: SMALL_NAME }).waitFor();
    for (let run = 0; run < OPENS; run++) {
      await page.locator('[data-testid="file-list"] button', { hasText: SMALL_NAME }).click();
      await page.locator('.file.current', { hasText: SMALL_NAME }).waitFor();
      await page.waitForTimeout(300);
      await page.evaluate(openArticleTimed, { name: BIG_NAME, paragraphs: text.split('\n').length });
      await page.waitForTimeout(300);
      await page.evaluate(renderPlainTimed, text);
      await page.evaluate(removePlain);
    }
    const session = await page.context().newCDPSession(page);
    await session.send('HeapProfiler.enable');
    await session.send('HeapProfiler.collectGarbage');
    const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
    // A second forced GC: what the first one left only because Blink's objects died in it (session 15).
    await session.send('HeapProfiler.collectGarbage');
    const settled = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    const mb = (bytes: number) => (bytes / 1048576).toFixed(2);
    console.log(`heap snapshot after ${OPENS} opens: usedSize ${mb(usage.usedSize)} MB (after a second GC ${mb(settled.usedSize)}), ${elements} elements`);
    await writeSnapshot(session, snapshotFile);
    await session.detach();
    const share = harnessShare(JSON.parse(await fs.readFile(snapshotFile, 'utf8')) as HeapSnapshotJson);
    const kb = (bytes: number) => Math.round(bytes / 1024).toLocaleString('en');
    console.log(`retained, KB: Playwright ${kb(share.playwright)}, the bench ${kb(share.bench)}, both (heapHarnessMb) ${kb(share.harness)} of ${kb(share.reachable)}; apart: the stand-in's preload ${kb(share.standIn)}, Playwright's world's bare context ${kb(share.playwrightWorld)}`);
  } finally {
    await app.close();
  }
});
