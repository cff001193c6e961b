import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SaveRefusedError } from './annotationStore';
import { readAnnotationFileAt, saveAnnotationFileAt } from './annotationFileAtPath';
import { decodeArticle } from '../article/articleDecoder';

let root: string;
let articlePath: string;
let target: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-file-at-path-'));
  articlePath = path.join(root, 'a.txt');
  await fs.writeFile(articlePath, '\ufeffخبر 😀 از\r\nتهران');
  target = path.join(root, 'a.annotators', 'ali.ann.json');
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('annotation file at an explicit path', () => {
  it('creates the folder, writes code-point offsets after BOM and CRLF, reads it back', async () => {
    const article = decodeArticle(await fs.readFile(articlePath));
    expect(article.text).toBe('خبر 😀 از\nتهران');
    await saveAnnotationFileAt(target, articlePath, article, { annotations: [{ id: 'T1', type: 'LOC', start: 9, end: 14, text: 'تهران' }] });
    const read = await readAnnotationFileAt(target, article);
    expect(read.kind).toBe('usable');
    if (read.kind === 'usable') {
      expect(read.file.source).toMatchObject({ file: 'a.txt', encoding: 'utf-8-bom', length: 14 });
      expect(read.file.annotations[0].quote).toEqual({ prefix: 'خبر 😀 از\n', suffix: '' });
      expect(read.file.status).toBe('new');
    }
  });

  it('keeps fields it does not know and removes the ones set to null', async () => {
    const article = decodeArticle(await fs.readFile(articlePath));
    await saveAnnotationFileAt(target, articlePath, article, { assignee: 'ali', extra: { reviewer: { name: 'x' }, curation: { annotators: [], decisions: {} } } });
    await saveAnnotationFileAt(target, articlePath, article, { status: 'done', extra: { curation: null } });
    const saved = JSON.parse(await fs.readFile(target, 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ assignee: 'ali', reviewer: { name: 'x' }, status: 'done' });
    expect(saved).not.toHaveProperty('curation');
    expect(await fs.readFile(`${target}.bak`, 'utf8')).toContain('"curation"');
  });

  it('a file that no longer fits the article is broken (says the article changed) and is not overwritten', async () => {
    const article = decodeArticle(await fs.readFile(articlePath));
    await saveAnnotationFileAt(target, articlePath, article, { annotations: [{ id: 'T1', type: 'LOC', start: 9, end: 14, text: 'تهران' }] });
    await fs.writeFile(articlePath, 'متن دیگر');
    const changed = decodeArticle(await fs.readFile(articlePath));
    const read = await readAnnotationFileAt(target, changed);
    expect(read.kind === 'broken' && read.problem.message).toMatch(/changed on disk/);
    const before = await fs.readFile(target);
    await expect(saveAnnotationFileAt(target, articlePath, changed, { status: 'done' })).rejects.toThrow(SaveRefusedError);
    expect(await fs.readFile(target)).toEqual(before);
  });

  it('refuses to write what would not validate', async () => {
    const article = decodeArticle(await fs.readFile(articlePath));
    await expect(saveAnnotationFileAt(target, articlePath, article, { annotations: [{ id: '', type: 'LOC', start: 0, end: 1, text: 'خ' }] })).rejects.toThrow(/invalid field annotations\.0\.id/);
    await expect(saveAnnotationFileAt(target, articlePath, article, { annotations: [{ id: 'T1', type: 'LOC', start: 0, end: 99, text: 'خ' }] })).rejects.toThrow(/past the end/);
    await expect(fs.access(target)).rejects.toThrow();
  });
});
