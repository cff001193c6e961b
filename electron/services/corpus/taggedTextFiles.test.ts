import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeArticle } from '../article/articleDecoder';
import { saveAnnotations } from '../storage/annotationStore';
import { collectTaggedTexts, TaggedTextFiles } from './suggestions';

const parsed = vi.hoisted(() => ({ files: [] as string[] }));
vi.mock('../storage/annotationJson/slicedAnnotationJson', async (importOriginal) => {
  const original = await importOriginal<typeof import('../storage/annotationJson/slicedAnnotationJson')>();
  return {
    ...original,
    checkAndParseAnnotationBytes: (...args: Parameters<typeof original.checkAndParseAnnotationBytes>) => {
      parsed.files.push(args[0]);
      return original.checkAndParseAnnotationBytes(...args);
    },
  };
});

const TEXTS = { 'one.txt': 'علی لاریجانی در نیویورک بود.\n', 'two.txt': 'سازمان ملل متحد در تهران.\n' };

function span(id: string, type: string, text: string, words: string) {
  const start = Array.from(text.slice(0, text.indexOf(words))).length;
  return { id, type, start, end: start + Array.from(words).length, text: words };
}

async function tag(root: string, name: keyof typeof TEXTS, spans: ReturnType<typeof span>[]) {
  await saveAnnotations(path.join(root, name), decodeArticle(Buffer.from(TEXTS[name])), { status: 'in-progress', annotations: spans, relations: [], labels: [] });
}

const pairs = (tagged: { text: string; type: string; count: number }[]) => tagged.map((entry) => `${entry.type} ${entry.text} ${entry.count}`).sort();

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-tagged-files-'));
  for (const [name, text] of Object.entries(TEXTS)) await fs.writeFile(path.join(root, name), text);
  await tag(root, 'one.txt', [span('a', 'PER', TEXTS['one.txt'], 'علی لاریجانی'), span('b', 'LOC', TEXTS['one.txt'], 'نیویورک')]);
  await tag(root, 'two.txt', [span('c', 'ORG', TEXTS['two.txt'], 'سازمان ملل متحد'), span('d', 'LOC', TEXTS['two.txt'], 'تهران')]);
  parsed.files.length = 0;
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('what each annotation file tagged, kept while the file is unchanged (#17)', () => {
  it('a second gathering parses no file that did not change, and gathers the same', async () => {
    const files = new TaggedTextFiles();
    const first = await collectTaggedTexts(root, undefined, undefined, files);
    expect(parsed.files.sort()).toEqual(['one.ann.json', 'two.ann.json']);
    parsed.files.length = 0;
    const second = await collectTaggedTexts(root, undefined, undefined, files);
    expect(parsed.files).toEqual([]);
    expect(second).toEqual(first);
    expect(pairs(second)).toEqual(['LOC نیویورک 1', 'LOC تهران 1', 'ORG سازمان ملل متحد 1', 'PER علی لاریجانی 1'].sort());
  });

  it('an edited file is read again, and only it; what it tags now replaces what it tagged', async () => {
    const files = new TaggedTextFiles();
    await collectTaggedTexts(root, undefined, undefined, files);
    parsed.files.length = 0;
    // The same length as before, written within the same second: the stamp still differs (inode, change time).
    await tag(root, 'two.txt', [span('c', 'ORG', TEXTS['two.txt'], 'سازمان ملل متحد'), span('d', 'GPE', TEXTS['two.txt'], 'تهران')]);
    const after = await collectTaggedTexts(root, undefined, undefined, files);
    expect(parsed.files).toEqual(['two.ann.json']);
    expect(pairs(after)).toEqual(['GPE تهران 1', 'LOC نیویورک 1', 'ORG سازمان ملل متحد 1', 'PER علی لاریجانی 1'].sort());
  });

  it('a file edited in place (same inode) is read again too', async () => {
    const files = new TaggedTextFiles();
    await collectTaggedTexts(root, undefined, undefined, files);
    parsed.files.length = 0;
    const file = path.join(root, 'one.ann.json');
    const bytes = await fs.readFile(file, 'utf8');
    const { ino } = await fs.stat(file);
    await fs.writeFile(file, bytes.replace('"LOC"', '"FAC"'));
    expect((await fs.stat(file)).ino).toBe(ino);
    const after = await collectTaggedTexts(root, undefined, undefined, files);
    expect(parsed.files).toEqual(['one.ann.json']);
    expect(pairs(after)).toContain('FAC نیویورک 1');
    expect(pairs(after)).not.toContain('LOC نیویورک 1');
  });

  it('an article whose annotations are in memory is taken from them, its file neither parsed nor needed', async () => {
    const files = new TaggedTextFiles();
    const known = new Map([['one.txt', [span('e', 'PER', TEXTS['one.txt'], 'علی لاریجانی'), span('f', 'PER', TEXTS['one.txt'], 'علی لاریجانی')]]]);
    const tagged = await collectTaggedTexts(root, known, undefined, files);
    expect(parsed.files).toEqual(['two.ann.json']);
    expect(pairs(tagged)).toEqual(['LOC تهران 1', 'ORG سازمان ملل متحد 1', 'PER علی لاریجانی 2'].sort());
  });
});
