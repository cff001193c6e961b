import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeArticle } from '../article/articleDecoder';
import { loadAnnotations, saveAnnotations } from '../storage/annotationStore';
import { collectTaggedTexts, suggestionsFor } from './suggestions';
import { tagAllInCorpus } from './corpusSearch';

/**
 * (#21) Boilerplate is not the article: corpus suggestions never propose a text inside it, and
 * tag-all across the corpus leaves its hits untagged and counts them.
 */
const BODY = 'خبرگزاری ایسنا گزارش داد که وزیر در تهران بود.';
const FOOTER = '\nانتهای پیام/ خبرگزاری ایسنا تهران';
const TEXT = BODY + FOOTER;
const bodyLength = Array.from(BODY).length;
const boilerplate = [{ id: 'Z1', type: 'boilerplate', start: bodyLength, end: Array.from(TEXT).length }];

let root = '';
afterEach(async () => {
  if (root) await fs.rm(root, { recursive: true, force: true });
});

async function corpus(): Promise<string> {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-boilerplate-skips-'));
  const tagged = 'خبرگزاری ایسنا و تهران.';
  await fs.writeFile(path.join(root, 'one.txt'), tagged);
  await saveAnnotations(path.join(root, 'one.txt'), decodeArticle(Buffer.from(tagged)), {
    status: 'done',
    annotations: [
      { id: 'a', type: 'ORG', start: 0, end: 14, text: 'خبرگزاری ایسنا' },
      { id: 'b', type: 'LOC', start: 17, end: 22, text: 'تهران' },
    ],
    relations: [],
    labels: [],
  });
  const articlePath = path.join(root, 'two.txt');
  await fs.writeFile(articlePath, TEXT);
  await saveAnnotations(articlePath, decodeArticle(Buffer.from(TEXT)), { status: 'in-progress', annotations: [], relations: [], labels: [], zones: boilerplate });
  return root;
}

describe('boilerplate skipped by suggestions and tag-all (#21)', () => {
  it('suggests the tagged texts in the body only, as the session does', async () => {
    const folder = await corpus();
    const articlePath = path.join(folder, 'two.txt');
    const article = decodeArticle(await fs.readFile(articlePath));
    const loaded = await loadAnnotations(articlePath, article);
    expect(loaded.zones).toEqual(boilerplate);
    const tagged = await collectTaggedTexts(folder);
    const everywhere = await suggestionsFor(article.text, loaded.annotations, tagged);
    expect(everywhere.map((suggestion) => suggestion.text)).toEqual(['خبرگزاری ایسنا', 'تهران', 'خبرگزاری ایسنا', 'تهران']);
    const suggestions = await suggestionsFor(article.text, loaded.annotations, tagged, undefined, loaded.zones);
    expect(suggestions.map((suggestion) => suggestion.text)).toEqual(['خبرگزاری ایسنا', 'تهران']);
    expect(suggestions.every((suggestion) => suggestion.end <= bodyLength)).toBe(true);
  });

  it('tags all hits outside boilerplate, counts those inside, and keeps the zone', async () => {
    const folder = await corpus();
    const result = await tagAllInCorpus(folder, 'تهران', { wholeWords: true, type: 'LOC', author: 'lead' });
    expect(result.inBoilerplate).toBe(1);
    // one.txt's «تهران» is already LOC; two.txt's body hit is new, its footer hit is skipped.
    expect(result.added).toBe(1);
    const file = JSON.parse(await fs.readFile(path.join(folder, 'two.ann.json'), 'utf8'));
    expect(file.annotations.map((annotation: { start: number; text: string }) => [annotation.text, annotation.start < bodyLength])).toEqual([['تهران', true]]);
    expect(file.zones).toEqual(boilerplate);
  });
});
