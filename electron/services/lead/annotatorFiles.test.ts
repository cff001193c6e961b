import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AssignSummarySchema, CorpusAnnotatorsSchema, SwitchSummarySchema } from '../../../shared/curation/curationSchemas';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import { parseAnnotationFile } from '../../../shared/model/readAnnotationFile';
import { annotationPathFor, SaveRefusedError } from '../storage/annotationStore';
import { saveAnnotationFileAt } from '../storage/annotationFileAtPath';
import { AnnotatorNameError, annotatorFilePath } from './annotatorPaths';
import {
  listArticleAnnotators,
  listCorpusAnnotators,
  loadAnnotatorAnnotations,
  saveAnnotatorAnnotations,
  setAssignee,
  switchToAnnotatorFiles,
} from './annotatorFiles';
import { decodeArticle } from '../article/articleDecoder';
import { scanCorpus } from '../corpus/corpusScanner';
import { makeAnnotatorCorpus } from '../testing/annotatorCorpus';

const roots: string[] = [];
async function tempCorpus(): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-annotator-files-'));
  roots.push(root);
  return root;
}
afterEach(async () => {
  for (const root of roots.splice(0)) await fs.rm(root, { recursive: true, force: true });
});

const TEXT = 'مریم در 😀 تهران و «سازمان ملل» بود.';
const codePoints = Array.from(TEXT);
function annotation(id: string, type: string, start: number, end: number, author?: string): StoredAnnotation {
  return { id, type, start, end, text: codePoints.slice(start, end).join(''), ...(author === undefined ? {} : { author }) };
}

async function writeArticle(root: string, name: string, text = TEXT): Promise<string> {
  const articlePath = path.join(root, name);
  await fs.writeFile(articlePath, text);
  return articlePath;
}

async function readJson(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
}

describe('annotator file paths', () => {
  it('NAME.txt → NAME.annotators/ANNOTATOR.ann.json, Persian names kept', () => {
    expect(annotatorFilePath('/c/news/a1.txt', 'مریم\u200cسادات')).toBe(path.join('/c/news/a1.annotators', 'مریم\u200cسادات.ann.json'));
    expect(annotatorFilePath('/c/a1.TXT', 'ali')).toBe(path.join('/c/a1.annotators', 'ali.ann.json'));
  });

  it.each(['../escape', 'a/b', 'a\\b', '..', '', 'x\u0000y'])('refuses %j', (name) => {
    expect(() => annotatorFilePath('/c/a1.txt', name)).toThrow(AnnotatorNameError);
  });
});

describe('listing annotators', () => {
  it('lists valid annotator files only, sorted; backups and temporary files are not annotators', async () => {
    const root = await tempCorpus();
    const articlePath = await writeArticle(root, 'a.txt');
    const folder = path.join(root, 'a.annotators');
    await fs.mkdir(folder);
    for (const name of ['sara.ann.json', 'علی.ann.json', 'Ali.ann.json', 'sara.ann.json.bak', '.sara.ann.json.new.1.tmp', 'notes.txt', 'CON.ann.json', 'Zoe\u0301.ann.json']) {
      await fs.writeFile(path.join(folder, name), '{}');
    }
    expect(await listArticleAnnotators(articlePath)).toEqual(['Ali', 'sara', 'علی']);
    expect(await listArticleAnnotators(path.join(root, 'none.txt'))).toEqual([]);
  });

  it('lists a corpus: everyone, and each article with its annotators', async () => {
    const root = await makeAnnotatorCorpus();
    roots.push(root);
    const listed = await listCorpusAnnotators(root);
    expect(CorpusAnnotatorsSchema.parse(listed)).toEqual(listed);
    expect(listed.annotators).toEqual(['ali', 'reza', 'sara']);
    expect(listed.articleCount).toBe(5);
    expect(listed.articles).toEqual([
      { id: 'a2.txt', annotators: ['ali', 'sara'] },
      { id: 'a3.txt', annotators: ['ali'] },
      { id: 'a5.txt', annotators: ['ali', 'sara'] },
      { id: 'news/a1.txt', annotators: ['ali', 'reza', 'sara'] },
    ]);
    // The corpus listing does not mistake annotator folders for articles.
    expect((await scanCorpus(root)).map((entry) => entry.id)).toEqual(['a2.txt', 'a3.txt', 'a4.txt', 'a5.txt', 'news/a1.txt']);
  });
});

describe("reading and writing an annotator's file", () => {
  it('round-trips, with quotes computed in code points past an emoji', async () => {
    const root = await tempCorpus();
    const articlePath = await writeArticle(root, 'a.txt');
    const article = decodeArticle(await fs.readFile(articlePath));
    const spans = [annotation('T1', 'PER', 0, 4), annotation('T2', 'LOC', 10, 15)];
    expect(spans[1].text).toBe('تهران');
    await saveAnnotatorAnnotations(articlePath, 'سارا', article, { status: 'done', annotations: spans, relations: [], labels: ['خبر'] });
    const loaded = await loadAnnotatorAnnotations(articlePath, 'سارا', article);
    expect(loaded.problem).toBeNull();
    expect(loaded.status).toBe('done');
    expect(loaded.annotations.map((span) => [span.id, span.text, span.quote?.prefix])).toEqual([
      ['T1', 'مریم', ''],
      ['T2', 'تهران', 'مریم در 😀 '],
    ]);
    // The curated file beside the article is not touched.
    await expect(fs.access(annotationPathFor(articlePath))).rejects.toThrow();
  });

  it('a broken file is reported and never overwritten', async () => {
    const root = await tempCorpus();
    const articlePath = await writeArticle(root, 'a.txt');
    const article = decodeArticle(await fs.readFile(articlePath));
    const file = annotatorFilePath(articlePath, 'ali');
    await fs.mkdir(path.dirname(file));
    const broken = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    await fs.writeFile(file, broken);
    expect((await loadAnnotatorAnnotations(articlePath, 'ali', article)).problem?.message).toMatch(/not valid UTF-8/);
    await expect(saveAnnotatorAnnotations(articlePath, 'ali', article, { status: 'new', annotations: [], relations: [], labels: [] })).rejects.toThrow(SaveRefusedError);
    expect(await fs.readFile(file)).toEqual(broken);
  });

  it('refuses a span whose text is not the article’s', async () => {
    const root = await tempCorpus();
    const articlePath = await writeArticle(root, 'a.txt');
    const article = decodeArticle(await fs.readFile(articlePath));
    const wrong = { ...annotation('T1', 'PER', 0, 4), text: 'زهرا' };
    await expect(saveAnnotatorAnnotations(articlePath, 'ali', article, { status: 'new', annotations: [wrong], relations: [], labels: [] })).rejects.toThrow(/covers «زهرا»/);
  });
});

describe('switching a corpus to annotator files', () => {
  async function corpusWithSharedFile(): Promise<{ root: string; articlePath: string; original: Buffer }> {
    const root = await tempCorpus();
    const articlePath = await writeArticle(root, 'a.txt');
    const article = decodeArticle(await fs.readFile(articlePath));
    await saveAnnotationFileAt(annotationPathFor(articlePath), articlePath, article, {
      status: 'in-progress',
      annotations: [annotation('T1', 'PER', 0, 4, 'مریم'), annotation('T2', 'LOC', 10, 15, 'ali'), annotation('T3', 'ORG', 18, 28), annotation('T4', 'LOC', 10, 15, 'a/b')],
      relations: [
        { id: 'R1', type: 'in', from: 'T1', to: 'T2' },
        { id: 'R2', type: 'same', from: 'T3', to: 'T4' },
      ],
      tokens: [[0, 4], [5, 7], [8, 9], [10, 15]],
    });
    await writeArticle(root, 'b.txt', 'بدون حاشیه');
    const brokenArticle = await writeArticle(root, 'c.txt', 'خراب');
    await fs.writeFile(annotationPathFor(brokenArticle), '{"format": "hashiye-annotations", "version": 99}');
    return { root, articlePath, original: await fs.readFile(annotationPathFor(articlePath)) };
  }

  it('splits by author into annotator files, keeps the original file byte for byte', async () => {
    const { root, articlePath, original } = await corpusWithSharedFile();
    const summary = await switchToAnnotatorFiles(root, 'lead');
    expect(SwitchSummarySchema.parse(summary)).toEqual(summary);
    expect(summary.articles).toBe(1);
    expect(summary.written).toEqual([
      { id: 'a.txt', annotator: 'مریم', annotations: 1 },
      { id: 'a.txt', annotator: 'ali', annotations: 1 },
      { id: 'a.txt', annotator: 'lead', annotations: 2 },
    ]);
    expect(summary.skipped.map((entry) => entry.id)).toEqual(['a.txt', 'c.txt']);
    expect(summary.skipped[0].reason).toMatch(/T4 goes to lead/);
    // R1 joins مریم's T1 to ali's T2: not carried. R2 joins T3 and T4, both lead's now.
    expect(summary.relationsNotCarried).toBe(1);
    expect(await fs.readFile(annotationPathFor(articlePath))).toEqual(original);
    expect(await listArticleAnnotators(articlePath)).toEqual(['ali', 'lead', 'مریم']);
    const lead = parseAnnotationFile(await fs.readFile(annotatorFilePath(articlePath, 'lead'), 'utf8'));
    expect(lead.ok && lead.file.annotations.map((span) => span.id)).toEqual(['T3', 'T4']);
    expect(lead.ok && lead.file.relations.map((relation) => relation.id)).toEqual(['R2']);
    expect(lead.ok && lead.file.tokens).toEqual([[0, 4], [5, 7], [8, 9], [10, 15]]);
    expect(lead.ok && lead.file.status).toBe('in-progress');
  });

  it('running it again overwrites nothing', async () => {
    const { root, articlePath } = await corpusWithSharedFile();
    await switchToAnnotatorFiles(root, 'lead');
    const before = await fs.readFile(annotatorFilePath(articlePath, 'ali'));
    const again = await switchToAnnotatorFiles(root, 'lead');
    expect(again.written).toEqual([]);
    expect(again.skipped.filter((entry) => /already exists/.test(entry.reason))).toHaveLength(3);
    expect(await fs.readFile(annotatorFilePath(articlePath, 'ali'))).toEqual(before);
  });

  it('refuses an unusable default annotator name', async () => {
    const root = await tempCorpus();
    await expect(switchToAnnotatorFiles(root, '../x')).rejects.toThrow(AnnotatorNameError);
  });
});

describe('assigning articles', () => {
  it('sets and clears the assignee of many articles; creates the file when missing; lists failures', async () => {
    const root = await tempCorpus();
    const withFile = await writeArticle(root, 'a.txt');
    const article = decodeArticle(await fs.readFile(withFile));
    await saveAnnotationFileAt(annotationPathFor(withFile), withFile, article, { status: 'done', annotations: [annotation('T1', 'PER', 0, 4)] });
    await writeArticle(root, 'b.txt', 'دوم');
    const broken = await writeArticle(root, 'c.txt', 'سوم');
    await fs.writeFile(annotationPathFor(broken), 'not json');
    const summary = await setAssignee(root, ['a.txt', 'b.txt', 'c.txt', '../outside.txt'], 'زهرا');
    expect(AssignSummarySchema.parse(summary)).toEqual(summary);
    expect(summary.updated).toEqual(['a.txt', 'b.txt']);
    expect(summary.failed.map((entry) => entry.id)).toEqual(['c.txt', '../outside.txt']);
    const a = await readJson(annotationPathFor(withFile));
    expect(a).toMatchObject({ assignee: 'زهرا', status: 'done' });
    expect((a.annotations as unknown[]).length).toBe(1);
    expect(await readJson(path.join(root, 'b.ann.json'))).toMatchObject({ assignee: 'زهرا', status: 'new', annotations: [] });
    expect(await fs.readFile(annotationPathFor(broken), 'utf8')).toBe('not json');
    await setAssignee(root, ['a.txt'], null);
    expect(await readJson(annotationPathFor(withFile))).not.toHaveProperty('assignee');
    await expect(setAssignee(root, ['a.txt'], 'a/b')).rejects.toThrow(AnnotatorNameError);
  });
});
