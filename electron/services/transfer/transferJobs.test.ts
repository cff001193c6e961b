import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportProgressWire, ImportProgressWire } from '../../../shared/transferWire';
import { TransferBusyError, TransferJobs } from './transferJobs';
import { confineArticle } from '../corpus/corpusPaths';

const folders: string[] = [];
async function temporaryFolder(prefix: string): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  folders.push(folder);
  return folder;
}
afterEach(async () => {
  for (const folder of folders.splice(0)) await fs.rm(folder, { recursive: true, force: true });
});

const codePoints = (text: string) => Array.from(text).length;

/** A native annotation file for `text` with spans given by their text (first occurrence from `from`). */
function annotationFile(file: string, text: string, spans: { text: string; type: string; from?: number }[], status = 'in-progress') {
  const annotations = spans.map((span, index) => {
    const utf16 = text.indexOf(span.text, span.from ?? 0);
    if (utf16 < 0) throw new Error(`«${span.text}» not in the text`);
    const start = codePoints(text.slice(0, utf16));
    return { id: `a${index + 1}`, type: span.type, start, end: start + codePoints(span.text), text: span.text };
  });
  const source = { file, sha256: createHash('sha256').update(text, 'utf8').digest('hex'), encoding: 'utf-8', length: codePoints(text) };
  return JSON.stringify({ format: 'hashiye-annotations', version: 1, offsetUnit: 'codepoint', source, status, annotations, relations: [], labels: [] });
}

/** A corpus of `count` Persian articles, each tagged, with an emoji and a ZWNJ word. */
async function generatedCorpus(count: number): Promise<string> {
  const root = await temporaryFolder('hashiye-transfer-corpus-');
  const writes: Promise<void>[] = [];
  for (let index = 0; index < count; index++) {
    const name = `article-${String(index).padStart(5, '0')}`;
    const text = `😀 خبرگزاری ایرنا گزارش داد که وزیر در تهران سخن می‌گوید. شمارهٔ ${index}.\n`;
    writes.push(fs.writeFile(path.join(root, `${name}.txt`), text));
    writes.push(fs.writeFile(path.join(root, `${name}.ann.json`), annotationFile(`${name}.txt`, text, [{ text: 'ایرنا', type: 'ORG' }, { text: 'تهران', type: 'LOC' }], index % 2 === 0 ? 'done' : 'in-progress')));
  }
  await Promise.all(writes);
  return root;
}

async function listFiles(folder: string): Promise<string[]> {
  try {
    return (await fs.readdir(folder, { recursive: true })).map(String).sort();
  } catch {
    return [];
  }
}

describe('TransferJobs export', () => {
  it('cancelled at the first progress event: cancelled outcome, and the destination is never created', async () => {
    const corpus = await generatedCorpus(1500);
    const out = path.join(await temporaryFolder('hashiye-transfer-out-'), 'export');
    const jobs = new TransferJobs();
    const events: ExportProgressWire[] = [];
    const result = await jobs.runExport(corpus, { format: 'conll', scope: 'corpus', allowLossy: false }, out, (progress) => {
      events.push(progress);
      if (events.length === 1) expect(jobs.cancelExport()).toBe(true);
    });
    expect(result).toEqual({ outcome: 'cancelled', cancelled: true });
    expect(events[0].phase).toBe('listing');
    await expect(fs.stat(out)).rejects.toThrow();
    // The job is over: another may start, and cancelling now finds nothing to cancel.
    expect(jobs.exportRunning).toBe(false);
    expect(jobs.cancelExport()).toBe(false);
  });

  it('cancelled while reading articles: nothing written', async () => {
    const corpus = await generatedCorpus(1500);
    const out = path.join(await temporaryFolder('hashiye-transfer-out-'), 'export');
    const jobs = new TransferJobs();
    const result = await jobs.runExport(corpus, { format: 'jsonl', scope: 'corpus', allowLossy: false }, out, (progress) => {
      if (progress.phase === 'reading' && progress.done > 0) jobs.cancelExport();
    });
    expect(result.outcome).toBe('cancelled');
    expect(await listFiles(out)).toEqual([]);
  });

  it('a second export while one runs is refused', async () => {
    const corpus = await generatedCorpus(50);
    const out = await temporaryFolder('hashiye-transfer-out-');
    const jobs = new TransferJobs();
    const first = jobs.runExport(corpus, { format: 'csv', scope: 'corpus', allowLossy: false }, path.join(out, 'one'), () => {});
    await expect(jobs.runExport(corpus, { format: 'csv', scope: 'corpus', allowLossy: false }, path.join(out, 'two'), () => {})).rejects.toBeInstanceOf(TransferBusyError);
    expect((await first).outcome).toBe('finished');
  });

  it('overlapping spans to CoNLL: reported per article, nothing written unless lossy output is allowed', async () => {
    const corpus = await temporaryFolder('hashiye-transfer-corpus-');
    const text = 'سازمان ملل متحد در نیویورک 🌍 نشست داشت.\n';
    await fs.writeFile(path.join(corpus, 'un.txt'), text);
    await fs.writeFile(path.join(corpus, 'un.ann.json'), annotationFile('un.txt', text, [{ text: 'سازمان ملل متحد', type: 'ORG' }, { text: 'ملل', type: 'MISC' }, { text: 'نیویورک', type: 'LOC' }]));
    const jobs = new TransferJobs();
    const refused = await jobs.runExport(corpus, { format: 'conll', scope: 'corpus', allowLossy: false }, path.join(corpus, '..', path.basename(corpus) + '-out'), () => {});
    folders.push(path.join(corpus, '..', path.basename(corpus) + '-out'));
    if (refused.outcome !== 'finished') throw new Error(refused.outcome);
    expect(refused.unreadable).toEqual([]);
    expect(refused.written).toBe(false);
    expect(refused.lossy).toBe(true);
    expect(refused.files).toEqual([]);
    expect(refused.documents).toHaveLength(1);
    expect(refused.documents[0]).toMatchObject({ article: 'un.txt', annotations: 3, written: 2 });
    expect(refused.documents[0].problems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'overlap', effect: 'lost', annotation: 'a2' })]));

    const out = await temporaryFolder('hashiye-transfer-out-');
    const written = await jobs.runExport(corpus, { format: 'conll', scope: 'corpus', scheme: 'bioes', allowLossy: true }, out, () => {});
    if (written.outcome !== 'finished') throw new Error(written.outcome);
    expect(written.written).toBe(true);
    expect(written.files.map((file) => file.path).sort()).toEqual(['corpus.conll', 'export-report.json', 'manifest.json']);
    expect(written.files.find((file) => file.path === 'corpus.conll')).toMatchObject({ role: 'main' });
    expect(written.filesTotal).toBe(3);
    const conll = await fs.readFile(path.join(out, 'corpus.conll'), 'utf8');
    expect(conll).toContain('سازمان\tB-ORG\nملل\tI-ORG\nمتحد\tE-ORG\n');
    expect(conll).toContain('نیویورک\tS-LOC\n');
    expect(JSON.parse(await fs.readFile(path.join(out, 'export-report.json'), 'utf8')).documents[0].problems.some((problem: { kind: string }) => problem.kind === 'overlap')).toBe(true);
  });

  it('scopes: one article, the done articles; an article id that leaves the corpus is refused', async () => {
    const corpus = await generatedCorpus(6);
    const jobs = new TransferJobs();
    const one = await jobs.runExport(corpus, { format: 'csv', scope: 'article', articleId: confineArticle(corpus, 'article-00003.txt'), allowLossy: false }, await temporaryFolder('hashiye-transfer-out-'), () => {});
    expect(one.outcome === 'finished' && one.totals.articles).toBe(1);
    const done = await jobs.runExport(corpus, { format: 'csv', scope: 'done', allowLossy: false }, await temporaryFolder('hashiye-transfer-out-'), () => {});
    expect(done.outcome === 'finished' && done.totals.articles).toBe(3);
    expect(() => confineArticle(corpus, '../outside.txt')).toThrow(/outside/);
    // An article confined to another corpus (one open before) is not exported from this one.
    const elsewhere = confineArticle(await generatedCorpus(1), 'article-00000.txt');
    await expect(jobs.runExport(corpus, { format: 'csv', scope: 'article', articleId: elsewhere, allowLossy: false }, await temporaryFolder('hashiye-transfer-out-'), () => {})).rejects.toThrow(/another corpus/);
    expect(jobs.exportRunning).toBe(false);
  });

  it('lists at most the configured number of report entries, with the true totals', async () => {
    const corpus = await temporaryFolder('hashiye-transfer-corpus-');
    for (let index = 0; index < 5; index++) {
      const text = `بانک مرکزی ایران ${index}\n`;
      await fs.writeFile(path.join(corpus, `${index}.txt`), text);
      await fs.writeFile(path.join(corpus, `${index}.ann.json`), annotationFile(`${index}.txt`, text, [{ text: 'بانک مرکزی ایران', type: 'ORG' }, { text: 'ایران', type: 'LOC' }]));
    }
    const jobs = new TransferJobs({ documents: 2, files: 1, problems: 10 });
    const result = await jobs.runExport(corpus, { format: 'hf', scope: 'corpus', allowLossy: true }, await temporaryFolder('hashiye-transfer-out-'), () => {});
    if (result.outcome !== 'finished') throw new Error(result.outcome);
    expect(result.documents).toHaveLength(2);
    expect(result.documentsTotal).toBe(5);
    expect(result.files).toHaveLength(1);
    expect(result.filesTotal).toBe(4);
  });
});

/** A CoNLL file of `documents` documents of `sentences` Persian sentences each (BIOES). */
function generatedConll(documents: number, sentences: number): string {
  const lines: string[] = [];
  for (let document = 0; document < documents; document++) {
    lines.push('-DOCSTART-\tO', '');
    for (let sentence = 0; sentence < sentences; sentence++) {
      lines.push('سازمان\tB-ORG', 'ملل\tE-ORG', 'در\tO', 'تهران\tS-LOC', 'می‌گوید\tO', '.\tO', '');
    }
  }
  return lines.join('\n');
}

describe('TransferJobs import', () => {
  it('cancelled at the first progress event: cancelled summary, and no half corpus left behind', async () => {
    const source = path.join(await temporaryFolder('hashiye-transfer-src-'), 'big.conll');
    await fs.writeFile(source, generatedConll(3000, 3));
    const targetParent = await temporaryFolder('hashiye-transfer-target-');
    const target = path.join(targetParent, 'corpus');
    const jobs = new TransferJobs();
    const events: ImportProgressWire[] = [];
    const summary = await jobs.runImport(source, target, { from: 'conll' }, (progress) => {
      events.push(progress);
      if (events.length === 1) expect(jobs.cancelImport()).toBe(true);
    });
    expect(summary.cancelled).toBe(true);
    expect(summary.articles).toBe(0);
    // Nothing at the target and no staging folder beside it.
    expect(await fs.readdir(targetParent)).toEqual([]);
    expect(jobs.lastImportedCorpus).toBe(null);
    expect(jobs.importRunning).toBe(false);
  });

  it('a full import: malformed lines named by file:line, progress throttled, the new corpus remembered', async () => {
    const sourceFolder = await temporaryFolder('hashiye-transfer-src-');
    await fs.mkdir(path.join(sourceFolder, 'news'));
    const bad = ['-DOCSTART-\tO', '', 'وزیر\tO', 'امور\tO', 'بی‌برچسب', 'تهران\tS-LOC', ''].join('\r\n');
    await fs.writeFile(path.join(sourceFolder, 'news', 'bad.conll'), `\ufeff${bad}`);
    await fs.writeFile(path.join(sourceFolder, 'big.conll'), generatedConll(400, 2));
    const target = path.join(await temporaryFolder('hashiye-transfer-target-'), 'imported');
    const jobs = new TransferJobs();
    const events: ImportProgressWire[] = [];
    const eventTimes: number[] = [];
    const summary = await jobs.runImport(sourceFolder, target, { from: 'conll', scheme: 'bioes' }, (progress) => {
      events.push(progress);
      eventTimes.push(performance.now());
    });
    expect(summary).toMatchObject({ outcome: 'imported', articles: 401, annotations: 400 * 2 * 2 + 1, skippedTotal: 1, cancelled: false, out: path.resolve(target) });
    expect(summary.skipped[0]).toMatchObject({ file: 'news/bad.conll', line: 5 });
    expect(summary.skipped[0].reason).toMatch(/no tag/);
    expect(summary.detected.map((layout) => layout.file).sort()).toEqual(['big.conll', 'news/bad.conll']);
    // 401 articles written, fewer events, and within one phase and file never two in 50 ms: the
    // window is not flooded. (A count alone depends on how long the import took on a loaded machine.)
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThan(summary.articles);
    const sameStep = (index: number) => events[index].phase === events[index - 1].phase && events[index].filesDone === events[index - 1].filesDone;
    const crowded = events.flatMap((_, index) => (index > 0 && sameStep(index) && eventTimes[index] - eventTimes[index - 1] < 49 ? [index] : []));
    expect(crowded).toEqual([]);
    expect(events.every((event) => !path.isAbsolute(event.file))).toBe(true);
    expect(jobs.lastImportedCorpus).toBe(path.resolve(target));
  });

  it('a refused import (target not empty) leaves the last imported corpus as it was', async () => {
    const source = path.join(await temporaryFolder('hashiye-transfer-src-'), 'one.conll');
    await fs.writeFile(source, generatedConll(1, 1));
    const target = await temporaryFolder('hashiye-transfer-target-');
    await fs.writeFile(path.join(target, 'keep.txt'), 'نوشتهٔ پیشین');
    const jobs = new TransferJobs();
    await expect(jobs.runImport(source, target, { from: 'conll' }, () => {})).rejects.toThrow(/not empty/);
    expect(await fs.readFile(path.join(target, 'keep.txt'), 'utf8')).toBe('نوشتهٔ پیشین');
    expect(jobs.lastImportedCorpus).toBeNull();
    expect(jobs.importRunning).toBe(false);
  });
});
