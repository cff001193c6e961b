/**
 * A second Hashiye process for annotationFileLock.test.ts: bundled and forked by the test, it
 * saves through the real merging save (lock, read, merge, atomic rename), as a window does,
 * adding one annotation of its own per save, each at an instant the parent gives both children.
 *
 * argv: ARTICLE_PATH ROOT LABEL COUNT START_AT INTERVAL_MS
 * Messages to the parent: { kind: 'done', outcomes: Record<string, number>, failures: string[] }.
 * argv `hold FILE`: takes FILE's lock, says { kind: 'locked' } and waits to be killed (a crash while saving).
 */
import { promises as fs } from 'node:fs';
import type { SavedDocument } from '../../../shared/saveWire';
import { acquireFileLock } from '../storage/annotationFileLock';
import { decodeArticle } from '../article/articleDecoder';
import { EMPTY_DOCUMENT, saveMerged, type AnnotationFileBase } from '../storage/mergingSave';

async function main(): Promise<void> {
  if (process.argv[2] === 'hold') {
    await acquireFileLock(process.argv[3]);
    process.send?.({ kind: 'locked' });
    setInterval(() => {}, 60_000);
    return;
  }
  const [articlePath, root, label, countText, startText, intervalText] = process.argv.slice(2);
  const count = Number(countText);
  const startAt = Number(startText);
  const interval = Number(intervalText);
  const article = decodeArticle(await fs.readFile(articlePath));
  let base: AnnotationFileBase | null = { document: EMPTY_DOCUMENT, sha256: null };
  let mine: SavedDocument = EMPTY_DOCUMENT;
  const outcomes: Record<string, number> = {};
  const failures: string[] = [];
  for (let index = 0; index < count; index++) {
    const wait = startAt + index * interval - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const start = (index * 7) % Math.max(1, [...article.text].length - 4);
    const text = [...article.text].slice(start, start + 3).join('');
    mine = { ...mine, status: 'in-progress', annotations: [...mine.annotations, { id: `${label}-${index}`, type: 'LOC', start, end: start + 3, text }] };
    const outcome = await saveMerged(articlePath, article, { mine, base, root });
    outcomes[outcome.kind] = (outcomes[outcome.kind] ?? 0) + 1;
    if (outcome.kind === 'written' || outcome.kind === 'unchanged') {
      base = outcome.base;
      // The window adopts what is on disk (the other process's annotations merged in).
      if (outcome.merged) mine = outcome.merged;
    } else {
      failures.push(`${label}-${index}: ${outcome.kind} ${outcome.kind === 'failed' ? String(outcome.error) : outcome.kind === 'refused' ? outcome.message : ''}`);
    }
  }
  process.send?.({ kind: 'done', outcomes, failures });
}

main().catch((error: unknown) => {
  process.send?.({ kind: 'done', outcomes: {}, failures: [String(error)] });
  process.exitCode = 1;
});
