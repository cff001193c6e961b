import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAnnotationFile } from '../../../shared/model/readAnnotationFile';
import { CorpusSession } from './corpusSession';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const PERSIAN = 'وزیر امور خارجه ایران فوق‌العاده به دمشق رفت و با همتای خود دیدار کرد.\n'.repeat(5);

async function corpusWith(files: Record<string, Uint8Array>): Promise<{ root: string; session: CorpusSession }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-session-encoding-'));
  cleanups.push(() => fs.rm(root, { recursive: true, force: true }));
  for (const [name, bytes] of Object.entries(files)) await fs.writeFile(path.join(root, name), bytes);
  const session = new CorpusSession({ watch: false });
  cleanups.unshift(() => session.close());
  await session.open(root);
  return { root, session };
}

function spanOf(text: string, needle: string, id: string) {
  const start = Array.from(text.slice(0, text.indexOf(needle))).length;
  return { id, type: 'LOC', start, end: start + Array.from(needle).length, text: needle };
}

describe('CorpusSession: decoding reported and chosen per article', () => {
  it('a nearly-UTF-8 article is sent as UTF-8 with its invalid bytes counted; a clean one carries no count', async () => {
    const damaged = Buffer.from(PERSIAN, 'utf8');
    damaged[damaged.indexOf(0x20)] = 0xff;
    damaged[damaged.lastIndexOf(0x20)] = 0xfe;
    const { session } = await corpusWith({ 'bad.txt': damaged, 'good.txt': Buffer.from(PERSIAN, 'utf8') });
    const bad = await session.loadArticle('bad.txt');
    expect(bad).toMatchObject({ encoding: 'utf-8', encodingGuessed: false, invalidBytes: 2, replacements: 2 });
    expect(bad.text.match(/\uFFFD/g)).toHaveLength(2);
    const good = await session.loadArticle('good.txt');
    expect(good.invalidBytes).toBeUndefined();
    expect(good.encodingChosen).toBeUndefined();
  });

  it('a chosen encoding is kept for the session (reloads and saves decode the same way) and auto goes back to detection', async () => {
    // Valid UTF-8 with one bad byte: detected as UTF-8; the user says it is Windows-1256.
    const bytes = Buffer.concat([Buffer.from(PERSIAN, 'utf8'), Buffer.from([0xff])]);
    const { root, session } = await corpusWith({ 'a.txt': bytes });
    expect(await session.loadArticle('a.txt')).toMatchObject({ encoding: 'utf-8', replacements: 1 });

    const chosen = await session.loadArticle('a.txt', 'windows-1256');
    const legacyText = iconv.decode(bytes, 'windows-1256');
    expect(chosen).toMatchObject({ encoding: 'windows-1256', encodingChosen: true, encodingGuessed: false, text: legacyText });
    expect(chosen.invalidBytes).toBeUndefined();
    // Reloaded without naming an encoding (switching back to the article): still the choice.
    expect(await session.loadArticle('a.txt')).toMatchObject({ encoding: 'windows-1256', encodingChosen: true, text: legacyText });

    // A save re-reads the article and decodes it the chosen way: the span of the chosen text is accepted.
    const needle = Array.from(legacyText).slice(10, 16).join('');
    const saved = await session.saveAnnotations('a.txt', chosen.sha256, { status: 'in-progress', annotations: [spanOf(legacyText, needle, 't1')], relations: [], labels: [] });
    expect(saved.ok).toBe(true);
    const parsed = parseAnnotationFile(await fs.readFile(path.join(root, 'a.ann.json'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problem.message);
    // The SHA-256 is of the bytes (unchanged by the choice); the encoding recorded is the one the offsets count in.
    expect(parsed.file.source).toMatchObject({ sha256: chosen.sha256, encoding: 'windows-1256', length: Array.from(legacyText).length });
    expect(parsed.file.annotations[0]).toMatchObject({ text: needle });

    // Back to detection: the text differs, so the offsets are checked again and the mismatch is
    // reported (read-only) instead of showing the annotation on the wrong characters.
    const detected = await session.loadArticle('a.txt', 'auto');
    expect(detected).toMatchObject({ encoding: 'utf-8', replacements: 1 });
    expect(detected.encodingChosen).toBeUndefined();
    expect(detected.problem).not.toBeNull();
    expect(detected.annotations).toEqual([]);
  });

  it('another session opens in the encoding the first one chose (the annotation file records it)', async () => {
    const bytes = iconv.encode(PERSIAN.replace(/\u06cc/g, '\u064a'), 'windows-1256');
    const { root, session } = await corpusWith({ 'old.txt': bytes });
    expect(await session.loadArticle('old.txt')).toMatchObject({ encoding: 'windows-1256', encodingGuessed: true });
    const chosen = await session.loadArticle('old.txt', 'utf-8');
    expect(chosen).toMatchObject({ encoding: 'utf-8', encodingChosen: true });
    const other = new CorpusSession({ watch: false });
    cleanups.unshift(() => other.close());
    await other.open(root);
    expect(await other.loadArticle('old.txt')).toMatchObject({ encoding: 'utf-8', encodingChosen: true, text: chosen.text });
  });
});
