import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAnnotationFile } from '../../../shared/model/readAnnotationFile';
import { CorpusSession } from '../corpus/corpusSession';
import { searchCorpus } from '../corpus/corpusSearch';
import { exportCorpus } from '../transfer/exportCorpus';
import { readExportDocument } from '../transfer/exportArticleReader';
import { encodingRecordIn, readEncodingRecord } from './encodingRecord';
import { computeAgreement } from '../lead/agreementService';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const PERSIAN = 'وزیر امور خارجه ایران فوق‌العاده به دمشق رفت و با همتای خود دیدار کرد.\n'.repeat(5);
/** A real Windows-1256 file: Arabic yeh in place of the Persian one, which the code page lacks. */
const LEGACY_BYTES = iconv.encode(PERSIAN.replace(/\u06cc/g, '\u064a'), 'windows-1256');
/** Valid UTF-8 but for two damaged bytes: detection reads it as UTF-8 (two U+FFFD). */
function nearlyUtf8(): Buffer {
  const bytes = Buffer.from(PERSIAN, 'utf8');
  bytes[bytes.indexOf(0x20)] = 0xff;
  bytes[bytes.lastIndexOf(0x20)] = 0xfe;
  return bytes;
}

async function tempCorpus(files: Record<string, Uint8Array>): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-encoding-record-'));
  cleanups.push(() => fs.rm(root, { recursive: true, force: true }));
  for (const [name, bytes] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await fs.writeFile(path.join(root, name), bytes);
  }
  return root;
}

async function openSession(root: string): Promise<CorpusSession> {
  const session = new CorpusSession({ watch: false });
  cleanups.unshift(() => session.close());
  await session.open(root);
  return session;
}

async function recordedSource(file: string) {
  const parsed = parseAnnotationFile(await fs.readFile(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.file.source as Record<string, unknown>;
}

function spanOf(text: string, needle: string, id: string) {
  const start = Array.from(text.slice(0, text.indexOf(needle))).length;
  return { id, type: 'LOC', start, end: start + Array.from(needle).length, text: needle };
}

describe('encodingRecordIn: the source record found without parsing the whole file', () => {
  const sha = 'a'.repeat(64);
  it('reads it at the head of a Hashiye file, after other keys, and says nothing for files without one', () => {
    expect(encodingRecordIn(JSON.stringify({ format: 'hashiye-annotations', source: { sha256: sha, encoding: 'windows-1256', encodingChosen: true }, annotations: [] }))).toEqual({ sha256: sha, encoding: 'windows-1256', chosen: true });
    const later = JSON.stringify({ annotations: [{ id: 'x', text: 'a "}{ quoted' }], note: 'x', n: 3, ok: true, source: { encoding: 'utf-8', sha256: sha } });
    expect(encodingRecordIn(later)).toEqual({ sha256: sha, encoding: 'utf-8', chosen: false });
    // A file of 100,000 annotations with `source` at its end is still found (the head is only tried first).
    const big = `{"annotations":[${Array.from({ length: 5000 }, (_, index) => `{"id":"a${index}","text":"متن"}`).join(',')}],"source":{"sha256":"${sha}","encoding":"cp720"}}`;
    expect(encodingRecordIn(big)).toMatchObject({ encoding: 'cp720' });
    expect(encodingRecordIn(`\ufeff{"source":{"sha256":"${sha}","encoding":"utf-16le"}}`)).toMatchObject({ encoding: 'utf-16le' });
    expect(encodingRecordIn('{"format":"x"}')).toBeNull();
    expect(encodingRecordIn('{"source":{"sha256":"short","encoding":"utf-8"}}')).toBeNull();
    expect(encodingRecordIn('{"source":{"sha256":')).toBeNull();
    expect(encodingRecordIn('not json')).toBeNull();
  });
});

describe('a chosen encoding lasts: recorded in the annotation file, used while the article is the same', () => {
  it('Windows-1256 article: chosen as UTF-8, closed, reopened in a new session: the same text; the export and search use it', async () => {
    const root = await tempCorpus({ 'old.txt': LEGACY_BYTES });
    const first = await openSession(root);
    const detected = await first.loadArticle('old.txt');
    expect(detected).toMatchObject({ encoding: 'windows-1256', encodingGuessed: true });
    const chosen = await first.loadArticle('old.txt', 'utf-8');
    expect(chosen).toMatchObject({ encoding: 'utf-8', encodingChosen: true });
    expect(chosen.text).not.toBe(detected.text);
    // Recorded at once, with nothing tagged: an annotation file with an empty list and the choice.
    expect(await recordedSource(path.join(root, 'old.ann.json'))).toMatchObject({ encoding: 'utf-8', encodingChosen: true, sha256: chosen.sha256 });
    await first.close();

    const second = await openSession(root);
    const reopened = await second.loadArticle('old.txt');
    expect(reopened).toMatchObject({ encoding: 'utf-8', encodingChosen: true, text: chosen.text });
    expect(reopened.encodingRecordIgnored).toBeUndefined();

    // Back to Windows-1256 by choice, closed, reopened: that lasts too.
    const back = await second.loadArticle('old.txt', 'windows-1256');
    expect(back.text).toBe(detected.text);
    await second.close();
    const third = await openSession(root);
    expect(await third.loadArticle('old.txt')).toMatchObject({ encoding: 'windows-1256', encodingChosen: true, encodingGuessed: false, text: detected.text });
    expect((readExportDocument(root, 'old.txt') as { document: { text: string } }).document.text).toBe(detected.text);

    // Back to detection: recorded as detected (no choice flag), and later sessions show it so.
    await third.loadArticle('old.txt', 'auto');
    const source = await recordedSource(path.join(root, 'old.ann.json'));
    expect(source).toMatchObject({ encoding: 'windows-1256' });
    expect(source.encodingChosen).toBeUndefined();
    await third.close();
    const fourth = await openSession(root);
    const again = await fourth.loadArticle('old.txt');
    expect(again).toMatchObject({ encoding: 'windows-1256', encodingGuessed: true, text: detected.text });
    expect(again.encodingChosen).toBeUndefined();
  });

  it('nearly-UTF-8 article: chosen as Windows-1256 and tagged; reopened, exported (file and CLI path), searched and compared in that text', async () => {
    const bytes = nearlyUtf8();
    const legacyText = iconv.decode(bytes, 'windows-1256');
    const root = await tempCorpus({ 'news/a.txt': bytes });
    const first = await openSession(root);
    expect(await first.loadArticle('news/a.txt')).toMatchObject({ encoding: 'utf-8', replacements: 2 });
    const chosen = await first.loadArticle('news/a.txt', 'windows-1256');
    expect(chosen.text).toBe(legacyText);
    const needle = Array.from(legacyText).slice(12, 18).join('');
    const saved = await first.saveAnnotations('news/a.txt', chosen.sha256, { status: 'in-progress', annotations: [spanOf(legacyText, needle, 't1')], relations: [], labels: [] });
    expect(saved.ok).toBe(true);
    await first.close();

    const second = await openSession(root);
    const reopened = await second.loadArticle('news/a.txt');
    expect(reopened).toMatchObject({ encoding: 'windows-1256', encodingChosen: true, text: legacyText, problem: null });
    expect(reopened.annotations.map((annotation) => annotation.text)).toEqual([needle]);

    // The export reads the text the offsets were made in: the span's text is the tagged one.
    const read = readExportDocument(root, 'news/a.txt');
    if (!('document' in read)) throw new Error(read.unreadable.message);
    expect(read.document.text).toBe(legacyText);
    const out = path.join(await tempCorpus({}), 'out.jsonl');
    const result = await exportCorpus(root, 'jsonl', { out, allowLossy: true, workers: 0 });
    expect(result.report.unreadable).toEqual([]);
    const line = JSON.parse((await fs.readFile(out, 'utf8')).trim().split('\n')[0]) as { text: string };
    expect(line.text).toBe(legacyText);

    // Search finds the tagged text where the window shows it.
    const search = await searchCorpus(root, needle, { wholeWords: false, limit: 10 });
    expect(search.total).toBeGreaterThan(0);
    expect(search.hits[0].match).toBe(needle.trim());
  });

  it('agreement decodes as the annotators recorded', async () => {
    const bytes = nearlyUtf8();
    const legacyText = iconv.decode(bytes, 'windows-1256');
    const sha256 = (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex');
    const needle = Array.from(legacyText).slice(12, 18).join('');
    const annotatorFile = (id: string) =>
      JSON.stringify({
        format: 'hashiye-annotations',
        version: 1,
        offsetUnit: 'codepoint',
        source: { file: 'a.txt', sha256, encoding: 'windows-1256', encodingChosen: true, length: Array.from(legacyText).length },
        status: 'done',
        annotations: [spanOf(legacyText, needle, id)],
        relations: [],
        labels: [],
      });
    const root = await tempCorpus({ 'a.txt': bytes, 'a.annotators/ali.ann.json': Buffer.from(annotatorFile('x1')), 'a.annotators/sara.ann.json': Buffer.from(annotatorFile('y1')) });
    const agreement = await computeAgreement(root, { kind: 'all' });
    expect(agreement.problems).toEqual([]);
    expect(agreement.comparedArticles).toBe(1);
  });

  it('an article changed since the record falls back to detection and says so', async () => {
    const bytes = nearlyUtf8();
    const root = await tempCorpus({ 'a.txt': bytes });
    const first = await openSession(root);
    await first.loadArticle('a.txt', 'windows-1256');
    await first.close();
    // Another program edits the article: the record is for other bytes.
    await fs.writeFile(path.join(root, 'a.txt'), Buffer.concat([bytes, Buffer.from('\nخبر تازه\n', 'utf8')]));
    const second = await openSession(root);
    const reopened = await second.loadArticle('a.txt');
    expect(reopened).toMatchObject({ encoding: 'utf-8', encodingRecordIgnored: { encoding: 'windows-1256', reason: 'article-changed' } });
    expect(reopened.encodingChosen).toBeUndefined();
  });

  it('a recorded encoding unknown here is said, and detection decides', async () => {
    const bytes = Buffer.from(PERSIAN, 'utf8');
    const sha256 = (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex');
    const file = { format: 'hashiye-annotations', version: 1, offsetUnit: 'codepoint', source: { file: 'a.txt', sha256, encoding: 'x-made-up', length: Array.from(PERSIAN).length }, status: 'new', annotations: [], relations: [], labels: [] };
    const root = await tempCorpus({ 'a.txt': bytes, 'a.ann.json': Buffer.from(JSON.stringify(file)) });
    const session = await openSession(root);
    expect(await session.loadArticle('a.txt')).toMatchObject({ encoding: 'utf-8', encodingRecordIgnored: { encoding: 'x-made-up', reason: 'unknown-encoding' } });
  });
});

describe('readEncodingRecord: the head of the file, confined (#17)', () => {
  const sha = 'a'.repeat(64);
  const record = { format: 'hashiye-annotations', source: { sha256: sha, encoding: 'windows-1256' }, annotations: [] as unknown[] };

  it('finds the record at the top of a large file, and one placed after the head by reading the whole file', async () => {
    const filler = Array.from({ length: 3_000 }, (_, index) => ({ id: `a${index}`, type: 'PER', start: index, end: index + 1, text: 'خبرنگار' }));
    const top = JSON.stringify({ ...record, annotations: filler });
    const { source, ...rest } = { ...record, annotations: filler };
    const late = JSON.stringify({ ...rest, source });
    expect(Buffer.byteLength(late)).toBeGreaterThan(64 * 1024);
    const root = await tempCorpus({ 'top.txt': Buffer.from('x'), 'top.ann.json': Buffer.from(top), 'late.txt': Buffer.from('x'), 'late.ann.json': Buffer.from(late) });
    expect(await readEncodingRecord(root, path.join(root, 'top.txt'))).toEqual({ sha256: sha, encoding: 'windows-1256', chosen: false });
    expect(await readEncodingRecord(root, path.join(root, 'late.txt'))).toEqual({ sha256: sha, encoding: 'windows-1256', chosen: false });
  });

  it('never reads a linked file outside the corpus, nor a FIFO', async () => {
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-encoding-outside-'));
    cleanups.push(() => fs.rm(outside, { recursive: true, force: true }));
    await fs.writeFile(path.join(outside, 'x.ann.json'), JSON.stringify(record));
    const root = await tempCorpus({ 'linked.txt': Buffer.from('x'), 'fifo.txt': Buffer.from('x') });
    await fs.symlink(path.join(outside, 'x.ann.json'), path.join(root, 'linked.ann.json'));
    expect(await readEncodingRecord(root, path.join(root, 'linked.txt'))).toBeNull();
    if (process.platform !== 'win32') {
      const { execFileSync } = await import('node:child_process');
      execFileSync('mkfifo', [path.join(root, 'fifo.ann.json')]);
      expect(await readEncodingRecord(root, path.join(root, 'fifo.txt'))).toBeNull();
    }
  });
});
