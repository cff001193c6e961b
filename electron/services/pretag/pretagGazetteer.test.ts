import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationFile } from '../../../shared/model/nativeFormat';
import { parseGazetteer } from '../../../shared/pretag/gazetteer';
import { decodeArticle } from '../article/articleDecoder';
import { saveAnnotationFileAt } from '../storage/annotationFileAtPath';
import { PretagCancelledError, PretagInputError, runPretag } from './pretagRun';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const SEED = path.resolve(projectRoot, '../shared/data/fa-news-seed/000_71c9989fa90c9667.txt');
const seedExists = existsSync(SEED);
const ARTICLE = 'seed.txt';

/** Persian names of the seed article; the ZWNJs written here are the ones the scraped article lost. */
const GAZETTEER = `# phrase TAB type
سرلشکر باقری\tPER
باقری\tPER
ستاد کل نیرو‌های مسلح\tORG
باشگاه خبرنگاران جوان\tORG
سپاه نیوز\tORG
ایران\tLOC
سوریه\tLOC
عراق\tLOC
شرق فرات\tLOC
غوطه شرقی\tLOC
اجلاس سه‌جانبه\tEVENT
گروه‌های تروریستی\tORG
`;

let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-pretag-'));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function annotatorFile(name: string): Promise<AnnotationFile> {
  return JSON.parse(await fs.readFile(path.join(root, 'seed.annotators', `${name}.ann.json`), 'utf8')) as AnnotationFile;
}

describe.skipIf(!seedExists)(`gazetteer over the seed article${seedExists ? '' : ' (skipped: ../shared/data/fa-news-seed is absent)'}`, () => {
  beforeEach(async () => {
    await fs.copyFile(SEED, path.join(root, ARTICLE));
  });

  it('writes NAME.annotators/gazetteer.ann.json with every hit exact on disk, lost ZWNJs included', async () => {
    const { entries, problems } = parseGazetteer(GAZETTEER, 'tsv');
    expect(problems).toEqual([]);
    const summary = await runPretag(root, { as: 'gazetteer', source: { kind: 'gazetteer', entries } });
    expect(summary.failed).toBe(0);
    const file = await annotatorFile('gazetteer');
    const text = Array.from(await fs.readFile(path.join(root, ARTICLE), 'utf8'));
    for (const annotation of file.annotations) {
      expect(annotation.text).toBe(text.slice(annotation.start, annotation.end).join(''));
      expect(annotation.attributes).toEqual({ pretag: 'gazetteer' });
      expect(annotation.author).toBe('gazetteer');
    }
    const texts = file.annotations.map((annotation) => annotation.text);
    // ZWNJ lost in the article: «نیروهای», «گروههای»; a space where the gazetteer has a ZWNJ: «سه جانبه».
    expect(texts).toContain('ستاد کل نیروهای مسلح');
    expect(texts).toContain('گروههای تروریستی');
    expect(texts.filter((value) => value === 'اجلاس سه جانبه')).toHaveLength(3);
    // The longest match wins: «سرلشکر باقری» is one hit, not «باقری» inside it.
    expect(texts.filter((value) => value === 'سرلشکر باقری').length).toBeGreaterThanOrEqual(3);
    expect(file.annotations.some((annotation) => annotation.text === 'باقری' && text.slice(annotation.start - 7, annotation.start).join('') === 'سرلشکر ')).toBe(false);
    // Whole words only: «سوریهبه» (glued headline) is no hit of «سوریه».
    const glued = text.join('').indexOf('سوریهبه');
    expect(file.annotations.some((annotation) => annotation.start <= Array.from(text.join('').slice(0, glued)).length && annotation.end > Array.from(text.join('').slice(0, glued)).length)).toBe(false);
    expect(summary.written).toBe(file.annotations.length);
  });

  it('puts nothing in a boilerplate zone of the analyst file', async () => {
    const bytes = await fs.readFile(path.join(root, ARTICLE));
    const article = decodeArticle(bytes);
    const length = Array.from(article.text).length;
    const firstParagraphEnd = Array.from(article.text.slice(0, article.text.indexOf('\n'))).length;
    await saveAnnotationFileAt(path.join(root, 'seed.ann.json'), path.join(root, ARTICLE), article, { extra: { zones: [{ id: 'z1', type: 'boilerplate', start: firstParagraphEnd, end: length }] } });
    const { entries } = parseGazetteer(GAZETTEER, 'tsv');
    await runPretag(root, { as: 'gazetteer', source: { kind: 'gazetteer', entries } });
    const file = await annotatorFile('gazetteer');
    expect(file.annotations.map((annotation) => annotation.text)).toEqual(['سرلشکر باقری']);
  });
});

describe('a run over a small corpus', () => {
  const entries = [{ phrase: 'تهران', type: 'LOC' }];

  beforeEach(async () => {
    await fs.writeFile(path.join(root, 'a.txt'), 'تهران و تهران');
  });

  it('replaces its earlier suggestions, keeps a rejected one and hand work, and never brings the rejected one back', async () => {
    await runPretag(root, { as: 'gaz', source: { kind: 'gazetteer', entries } });
    const first = JSON.parse(await fs.readFile(path.join(root, 'a.annotators/gaz.ann.json'), 'utf8')) as AnnotationFile;
    expect(first.annotations).toHaveLength(2);
    const rejected = { ...first.annotations[0], attributes: { pretag: 'gazetteer', pretagRejected: true } };
    const byHand = { id: 'h1', type: 'PER', start: 8, end: 13, text: 'تهران' };
    await fs.writeFile(path.join(root, 'a.annotators/gaz.ann.json'), JSON.stringify({ ...first, annotations: [rejected, first.annotations[1], byHand] }));
    const summary = await runPretag(root, { as: 'gaz', source: { kind: 'gazetteer', entries } });
    expect(summary.articles[0]).toMatchObject({ written: 1, replaced: 1, alreadyThere: 1 });
    const second = JSON.parse(await fs.readFile(path.join(root, 'a.annotators/gaz.ann.json'), 'utf8')) as AnnotationFile;
    expect(second.annotations.map((annotation) => [annotation.id, annotation.start, annotation.attributes?.pretagRejected ?? false])).toEqual([
      [rejected.id, 0, true],
      ['h1', 8, false],
      [expect.stringMatching(/^pre-/u), 8, false],
    ]);
  });

  it('leaves a broken annotator file as it is and reports it', async () => {
    await fs.mkdir(path.join(root, 'a.annotators'));
    await fs.writeFile(path.join(root, 'a.annotators/gaz.ann.json'), '{ broken');
    const summary = await runPretag(root, { as: 'gaz', source: { kind: 'gazetteer', entries } });
    expect(summary.failed).toBe(1);
    expect(summary.articles[0].problem?.userProblem).toEqual({ code: 'pretagAnnotatorFileBroken', article: 'a.txt', annotator: 'gaz' });
    expect(await fs.readFile(path.join(root, 'a.annotators/gaz.ann.json'), 'utf8')).toBe('{ broken');
  });

  it('writes nothing when cancelled, and refuses an unusable AS name or an unknown article', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runPretag(root, { as: 'gaz', source: { kind: 'gazetteer', entries } }, undefined, controller.signal)).rejects.toBeInstanceOf(PretagCancelledError);
    expect(existsSync(path.join(root, 'a.annotators'))).toBe(false);
    await expect(runPretag(root, { as: '../x', source: { kind: 'gazetteer', entries } })).rejects.toBeInstanceOf(PretagInputError);
    await expect(runPretag(root, { as: 'gaz', articles: ['nope.txt'], source: { kind: 'gazetteer', entries } })).rejects.toThrow(/nope\.txt/u);
  });
});
