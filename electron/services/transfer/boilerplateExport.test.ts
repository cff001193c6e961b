import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportCorpus } from './exportCorpus';
import { cutBoilerplate } from '../../../shared/zones/boilerplateCut';

/**
 * (#21) The seed article's footer («انتهای پیام/» and the site's menu lines) accepted as a
 * boilerplate zone: JSONL, CoNLL and Hugging Face exports leave its text out, every entity's
 * offsets still give its own text, and the manifest names the cut.
 */
const projectRoot = path.resolve(__dirname, '../../..');
const seed = path.resolve(projectRoot, '../shared/data/fa-news-seed/000_71c9989fa90c9667.txt');
const seedExists = existsSync(seed);
const FOOTER = 'انتهای پیام/';

let scratch: string;
beforeEach(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-boilerplate-'));
});
afterEach(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

const codePoints = (text: string) => Array.from(text);
const at = (text: string, part: string, from = 0) => codePoints(text.slice(0, text.indexOf(part, from))).length;

async function seedCorpus(): Promise<{ corpus: string; text: string; footerStart: number }> {
  const corpus = path.join(scratch, 'corpus');
  await fs.mkdir(corpus);
  const raw = await fs.readFile(seed, 'utf8');
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  await fs.writeFile(path.join(corpus, 'seed.txt'), raw);
  const footerStart = at(text, FOOTER);
  const span = (part: string, type: string, id: string) => ({ id, type, start: at(text, part), end: at(text, part) + codePoints(part).length, text: part });
  const annotations = [span('داعش', 'ORG', 'T1'), span('تروریسم', 'MISC', 'T2'), { ...span('اخبار پیشنهادی', 'MISC', 'T3') }];
  const file = {
    format: 'hashiye-annotations',
    version: 1,
    offsetUnit: 'codepoint',
    source: { file: 'seed.txt', sha256: '0'.repeat(64), encoding: 'utf-8', length: codePoints(text).length },
    status: 'done',
    annotations,
    relations: [],
    labels: [],
    zones: [{ id: 'Z1', type: 'boilerplate', start: footerStart, end: codePoints(text).length }],
    documentLabels: { topic: ['security', 'religion'], stance: 'against', reliability: 4, undeclaredDimension: 'kept' },
  };
  await fs.writeFile(path.join(corpus, 'seed.ann.json'), JSON.stringify(file));
  return { corpus, text, footerStart };
}

async function manifestOf(folder: string): Promise<{ boilerplateCut?: { article: string; ranges: { start: number; end: number }[] }[] }> {
  return JSON.parse(await fs.readFile(path.join(folder, 'manifest.json'), 'utf8')) as never;
}

describe('boilerplate left out of exports', () => {
  it('cuts the text and shifts offsets so each span still gives its own text', () => {
    const text = 'aa FOOTER bb cc';
    const document = { id: 'x', text, relations: [], annotations: [
      { id: 'A', type: 'T', start: 0, end: 2, text: 'aa' },
      { id: 'B', type: 'T', start: 10, end: 12, text: 'bb' },
      { id: 'C', type: 'T', start: 3, end: 9, text: 'FOOTER' },
      { id: 'D', type: 'T', start: 7, end: 12, text: 'ER bb' },
    ] };
    const { document: cut, cut: ranges } = cutBoilerplate(document as never, [{ id: 'z', type: 'boilerplate', start: 3, end: 10 }]);
    expect(cut.text).toBe('aa bb cc');
    expect(ranges).toEqual([{ start: 3, end: 10 }]);
    expect(cut.annotations.map((annotation) => [annotation.id, cut.text.slice(annotation.start, annotation.end)])).toEqual([['A', 'aa'], ['B', 'bb']]);
    // C was wholly boilerplate (left out with it); D crossed the edge: reported as lost.
    expect(cut.sourceProblems?.map((problem) => [problem.annotation, problem.effect])).toEqual([['D', 'lost']]);
  });

  it.skipIf(!seedExists)(`the seed article's footer: JSONL, CoNLL and Hugging Face without it${seedExists ? '' : ' (skipped: ../shared/data/fa-news-seed is absent)'}`, async () => {
    const { corpus, text, footerStart } = await seedCorpus();
    const kept = codePoints(text).slice(0, footerStart).join('');
    // JSONL (doccano, UTF-16 offsets): the text ends before the footer; each label slices to its text.
    const jsonlOut = path.join(scratch, 'jsonl');
    await exportCorpus(corpus, 'jsonl', { out: jsonlOut, workers: 0 });
    const line = JSON.parse((await fs.readFile(path.join(jsonlOut, 'corpus.jsonl'), 'utf8')).trim()) as { text: string; label: [number, number, string][]; cats: unknown };
    // Document labels beside the spans, in `cats` (fixed contract), an undeclared dimension exported as it is.
    expect(line.cats).toEqual({ topic: ['security', 'religion'], stance: 'against', reliability: 4, undeclaredDimension: 'kept' });
    expect(line.text).toBe(kept);
    expect(line.text).not.toContain(FOOTER);
    expect(line.text).not.toContain('اخبار پیشنهادی');
    expect(line.label.map(([start, end, type]) => [line.text.slice(start, end), type])).toEqual([
      ['داعش', 'ORG'],
      ['تروریسم', 'MISC'],
    ]);
    expect((await manifestOf(jsonlOut)).boilerplateCut).toEqual([{ article: 'seed.txt', ranges: [{ start: footerStart, end: codePoints(text).length }], unit: 'codepoint' }]);
    // CoNLL: no token of the footer; the entity's token is there.
    const conllOut = path.join(scratch, 'conll');
    await exportCorpus(corpus, 'conll', { out: conllOut, workers: 0 });
    const conllFile = (await fs.readdir(conllOut)).find((name) => name.endsWith('.conll')) as string;
    const conll = await fs.readFile(path.join(conllOut, conllFile), 'utf8');
    expect(conll).not.toContain('پیشنهادی');
    expect(conll).not.toContain('انتهای');
    expect(conll).toMatch(/داعش\s+B-ORG/);
    expect((await manifestOf(conllOut)).boilerplateCut?.[0].article).toBe('seed.txt');
    // Hugging Face: tokens without the footer.
    const hfOut = path.join(scratch, 'hf');
    await exportCorpus(corpus, 'hf', { out: hfOut, workers: 0 });
    const hfLines = (await fs.readFile(path.join(hfOut, 'data.jsonl'), 'utf8')).trim().split('\n');
    const hf = { tokens: hfLines.flatMap((hfLine) => (JSON.parse(hfLine) as { tokens: string[] }).tokens) };
    expect(hf.tokens).not.toContain('پیشنهادی');
    expect(hf.tokens).not.toContain('انتهای');
    expect(hf.tokens).toContain('داعش');
    expect((await manifestOf(hfOut)).boilerplateCut?.[0].ranges).toEqual([{ start: footerStart, end: codePoints(text).length }]);
  });
});

describe('document labels round trip through doccano JSONL', () => {
  it('exports cats and imports them back into documentLabels', async () => {
    const { importCorpus } = await import('./importCorpus');
    const corpus = path.join(scratch, 'judged');
    await fs.mkdir(corpus);
    const text = 'خبر کوتاه دربارهٔ اقتصاد.\n';
    await fs.writeFile(path.join(corpus, 'a.txt'), text);
    const labels = { topic: ['economy'], stance: 'neutral', reliability: 3, note: 'متن آزاد' };
    await fs.writeFile(
      path.join(corpus, 'a.ann.json'),
      JSON.stringify({ format: 'hashiye-annotations', version: 1, offsetUnit: 'codepoint', source: { file: 'a.txt', sha256: '0'.repeat(64), encoding: 'utf-8', length: Array.from(text).length }, status: 'done', annotations: [], relations: [], labels: [], documentLabels: labels }),
    );
    const out = path.join(scratch, 'out');
    await exportCorpus(corpus, 'jsonl', { out, workers: 0 });
    const back = path.join(scratch, 'back');
    await importCorpus(path.join(out, 'corpus.jsonl'), { from: 'jsonl', out: back });
    const files = (await fs.readdir(back)).filter((name) => name.endsWith('.ann.json'));
    expect(files.length).toBe(1);
    const imported = JSON.parse(await fs.readFile(path.join(back, files[0]), 'utf8')) as { documentLabels: unknown };
    expect(imported.documentLabels).toEqual(labels);
  });
});
