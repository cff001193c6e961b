import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CurationDecisionError } from '../../../shared/curation/applyCuration';
import { ArticleCurationSchema, CuratedArticleSchema } from '../../../shared/curation/curationSchemas';
import { findOffsetProblem, parseAnnotationFile } from '../../../shared/model/readAnnotationFile';
import { annotationPathFor, SaveRefusedError } from '../storage/annotationStore';
import { saveAnnotationFileAt } from '../storage/annotationFileAtPath';
import { decodeArticle } from '../article/articleDecoder';
import { applyCurationDecisions, CurationRefusedError, loadArticleCuration } from './curationService';
import { confineArticle } from '../corpus/corpusPaths';
import { exportCorpus } from '../transfer/exportCorpus';
import { A1_SARA, A1_TEXT, makeAnnotatorCorpus, writeAnnotatorFile } from '../testing/annotatorCorpus';

let root: string;
let a1: string;
beforeEach(async () => {
  root = await makeAnnotatorCorpus();
  a1 = path.join(root, 'news', 'a1.txt');
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const PAIR = { annotators: ['ali', 'sara'] };

async function curatedFile() {
  const parsed = parseAnnotationFile(await fs.readFile(annotationPathFor(a1), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.file;
}

describe('curating an article from two annotators’ files', () => {
  it('lists the disagreements side by side', async () => {
    const curation = await loadArticleCuration(root, confineArticle(root, 'news/a1.txt'), PAIR.annotators);
    expect(curation.annotators).toEqual(['ali', 'sara']);
    expect(curation.listing.agreed.map((span) => span.text)).toEqual(['تهران']);
    expect(curation.listing.groups.map((group) => [group.kind, group.versions.map((version) => version.spans.map((span) => span.text))])).toEqual([
      ['boundary', [['علی\u200cرضا احمدی'], ['علی\u200cرضا']]],
      ['missing', [['گروه'], []]],
      ['type', [['سازمان ملل'], ['سازمان ملل']]],
    ]);
    expect(curation.undecided).toHaveLength(3);
    expect(curation.problems).toEqual([]);
    // What the UI receives passes the schema the IPC contract can use.
    expect(ArticleCurationSchema.parse(curation)).toEqual(curation);
  });

  it('all three annotators by default', async () => {
    const curation = await loadArticleCuration(root, confineArticle(root, 'news/a1.txt'));
    expect(curation.annotators).toEqual(['ali', 'reza', 'sara']);
  });

  it('adopting a side writes the curated NAME.ann.json, which validates and exports like any other', async () => {
    const { listing } = await loadArticleCuration(root, confineArticle(root, 'news/a1.txt'), PAIR.annotators);
    const [boundary, missing, type] = listing.groups;
    const first = await applyCurationDecisions(root, confineArticle(root, 'news/a1.txt'), [{ groupId: boundary.id, decision: { kind: 'adopt', annotator: 'sara' } }], { ...PAIR, curator: 'lead' });
    expect(first.undecided).toEqual([missing.id, type.id]);
    expect(CuratedArticleSchema.parse(first)).toEqual(first);
    let file = await curatedFile();
    expect(file.annotations.map((span) => [span.type, span.start, span.end, span.text, span.author])).toEqual([
      ['PER', 2, 9, 'علی\u200cرضا', 'sara'],
      ['LOC', 19, 24, 'تهران', 'ali'],
    ]);
    expect(findOffsetProblem(file, Array.from(A1_TEXT))).toBeNull();
    expect(file.curation).toMatchObject({ annotators: ['ali', 'sara'], curator: 'lead', decisions: { [boundary.id]: { kind: 'adopt', annotator: 'sara' } } });

    await applyCurationDecisions(root, confineArticle(root, 'news/a1.txt'), [
      { groupId: missing.id, decision: { kind: 'reject' } },
      { groupId: type.id, decision: { kind: 'edit', spans: [{ type: 'ORG', start: 44, end: 50 }] } },
    ], PAIR);
    file = await curatedFile();
    expect(file.annotations.map((span) => [span.type, span.text])).toEqual([
      ['PER', 'علی\u200cرضا'],
      ['LOC', 'تهران'],
      ['ORG', 'سازمان'],
    ]);
    expect((await loadArticleCuration(root, confineArticle(root, 'news/a1.txt'), PAIR.annotators)).undecided).toEqual([]);
    // The previous version is kept as a backup.
    await expect(fs.access(`${annotationPathFor(a1)}.bak`)).resolves.toBeUndefined();

    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-curated-export-'));
    try {
      await exportCorpus(root, 'conll', { out, scope: { articleIds: ['news/a1.txt'] } });
      const written = (await fs.readdir(out, { recursive: true })).map(String);
      const conllFile = written.find((name) => name.endsWith('.conll'));
      expect(conllFile).toBeDefined();
      const conll = await fs.readFile(path.join(out, conllFile as string), 'utf8');
      expect(conll).toMatch(/علی\u200cرضا\s+B-PER/);
      expect(conll).toMatch(/احمدی\s+O/);
      expect(conll).toMatch(/سازمان\s+B-ORG/);
    } finally {
      await fs.rm(out, { recursive: true, force: true });
    }
  });

  it('withdrawing a decision takes its spans out again', async () => {
    const { listing } = await loadArticleCuration(root, confineArticle(root, 'news/a1.txt'), PAIR.annotators);
    const groupId = listing.groups[1].id;
    await applyCurationDecisions(root, confineArticle(root, 'news/a1.txt'), [{ groupId, decision: { kind: 'adopt', annotator: 'ali' } }], PAIR);
    expect((await curatedFile()).annotations.map((span) => span.text)).toEqual(['تهران', 'گروه']);
    await applyCurationDecisions(root, confineArticle(root, 'news/a1.txt'), [{ groupId, decision: null }], PAIR);
    expect((await curatedFile()).annotations.map((span) => span.text)).toEqual(['تهران']);
  });

  it('a span added to the curated file by hand survives later decisions', async () => {
    const { listing } = await loadArticleCuration(root, confineArticle(root, 'news/a1.txt'), PAIR.annotators);
    await applyCurationDecisions(root, confineArticle(root, 'news/a1.txt'), [{ groupId: listing.groups[0].id, decision: { kind: 'reject' } }], PAIR);
    const article = decodeArticle(await fs.readFile(a1));
    const file = await curatedFile();
    const byHand = { id: 'H1', type: 'MISC', start: 39, end: 42, text: 'دید' };
    await saveAnnotationFileAt(annotationPathFor(a1), a1, article, { annotations: [...file.annotations, byHand] });
    await applyCurationDecisions(root, confineArticle(root, 'news/a1.txt'), [{ groupId: listing.groups[1].id, decision: { kind: 'reject' } }], PAIR);
    expect((await curatedFile()).annotations.map((span) => span.id)).toEqual(['T2', 'H1']);
  });

  it('refuses to replace a NAME.ann.json holding spans no annotator has', async () => {
    const article = decodeArticle(await fs.readFile(a1));
    await saveAnnotationFileAt(annotationPathFor(a1), a1, article, { annotations: [{ id: 'X', type: 'MISC', start: 0, end: 1, text: '😀' }] });
    const before = await fs.readFile(annotationPathFor(a1));
    const { listing } = await loadArticleCuration(root, confineArticle(root, 'news/a1.txt'), PAIR.annotators);
    await expect(applyCurationDecisions(root, confineArticle(root, 'news/a1.txt'), [{ groupId: listing.groups[0].id, decision: { kind: 'reject' } }], PAIR)).rejects.toThrow(SaveRefusedError);
    expect(await fs.readFile(annotationPathFor(a1))).toEqual(before);
  });

  it('a decision made before an annotator changed the group becomes stale', async () => {
    const { listing } = await loadArticleCuration(root, confineArticle(root, 'news/a1.txt'), PAIR.annotators);
    const oldId = listing.groups[2].id;
    await applyCurationDecisions(root, confineArticle(root, 'news/a1.txt'), [{ groupId: oldId, decision: { kind: 'adopt', annotator: 'sara' } }], PAIR);
    await fs.rm(path.join(root, 'news', 'a1.annotators', 'sara.ann.json'));
    await writeAnnotatorFile(a1, 'sara', A1_TEXT, [...A1_SARA.slice(0, 2), ['ORG', 44, 50]]);
    const after = await loadArticleCuration(root, confineArticle(root, 'news/a1.txt'), PAIR.annotators);
    expect(after.stale).toEqual([oldId]);
    expect(after.undecided).toContain(after.listing.groups[2].id);
    await expect(applyCurationDecisions(root, confineArticle(root, 'news/a1.txt'), [{ groupId: oldId, decision: { kind: 'reject' } }], PAIR)).rejects.toThrow(/reload/);
    await expect(applyCurationDecisions(root, confineArticle(root, 'news/a1.txt'), [{ groupId: oldId, decision: { kind: 'reject' } }], PAIR)).rejects.toMatchObject({ userProblem: { code: 'curationGroupGone', article: 'news/a1.txt' } });
  });

  it('refuses decisions that cannot apply, and articles without two usable files', async () => {
    const { listing } = await loadArticleCuration(root, confineArticle(root, 'news/a1.txt'), PAIR.annotators);
    await expect(applyCurationDecisions(root, confineArticle(root, 'news/a1.txt'), [{ groupId: listing.groups[0].id, decision: { kind: 'adopt', annotator: 'reza' } }], PAIR)).rejects.toThrow(CurationDecisionError);
    await expect(applyCurationDecisions(root, confineArticle(root, 'news/a1.txt'), [{ groupId: listing.groups[0].id, decision: { kind: 'adopt', annotator: 'reza' } }], PAIR)).rejects.toMatchObject({ userProblem: { code: 'curationDecisionInvalid' } });
    await expect(applyCurationDecisions(root, confineArticle(root, 'news/a1.txt'), [{ groupId: listing.groups[0].id, decision: { kind: 'edit', spans: [{ type: 'PER', start: 50, end: 500 }] } }], PAIR)).rejects.toThrow(/past the end/);
    await expect(fs.access(annotationPathFor(a1))).rejects.toThrow();
    await expect(loadArticleCuration(root, confineArticle(root, 'a5.txt'))).rejects.toThrow(CurationRefusedError);
    await expect(loadArticleCuration(root, confineArticle(root, 'a3.txt'))).rejects.toThrow(/two annotators/);
    await expect(loadArticleCuration(root, confineArticle(root, 'news/a1.txt'), ['ali', 'nobody'])).rejects.toThrow(/nobody/);
    expect(() => confineArticle(root, '../a1.txt')).toThrow(/Refused/);
  });

  it('codes its refusals for the window: too few annotators says what to do, a missing annotator names them (#19)', async () => {
    const coded = async (promise: Promise<unknown>) => ((await promise.then(() => null, (error: unknown) => error)) as { userProblem?: unknown }).userProblem;
    expect(await coded(loadArticleCuration(root, confineArticle(root, 'a3.txt')))).toMatchObject({ code: 'curationNeedsAnnotators', article: 'a3.txt', broken: 0 });
    expect(await coded(loadArticleCuration(root, confineArticle(root, 'news/a1.txt'), ['ali', 'nobody']))).toEqual({ code: 'curationRefused', article: 'news/a1.txt', reason: 'annotator-missing', names: ['nobody'] });
  });
});
