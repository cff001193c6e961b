import { describe, expect, it } from 'vitest';
import type { StoredAnnotation, StoredRelation } from '../../model/nativeFormat';
import { serializeBrat } from '../brat';
import { serializeConll } from '../conll';
import { serializeCsv } from '../csv';
import type { ExportDocument, SerializedExport } from '../exportTypes';
import { serializeHf } from '../hf';
import { parseBratDocument } from '../import/brat';
import type { ImportedArticle } from '../import/importTypes';
import { parseJsonl } from '../import/jsonl';
import { parseLabelStudio } from '../import/labelstudio';
import { serializeJsonl } from '../jsonl';
import { serializeLabelStudio } from '../labelstudio';
import { spanOf } from '../testArticles';
import { serializeW3c } from '../w3c';
import { parseRelationsCsv, RELATIONS_CSV_FILE } from './relationsCsv';
import { parseW3cAnnotations } from './w3cLinking';

/**
 * Relations through every format that holds them, and back: the same type between the same two
 * spans (offsets and text). Persian text with an emoji before the spans (UTF-16 and code points
 * differ), a Latin name, a line break, a comma and a quote in a note.
 */
const TEXT = '😀 خبرگزاری ایرنا گزارش داد: «علی لاریجانی» عضو مجلس شورای اسلامی است.\nJohn Smith در تهران با وزیر دیدار کرد.\n';
const annotations: StoredAnnotation[] = [
  spanOf(TEXT, 'a1', 'ORG', 'ایرنا'),
  spanOf(TEXT, 'a2', 'PER', 'علی لاریجانی'),
  spanOf(TEXT, 'a3', 'ORG', 'مجلس شورای اسلامی'),
  spanOf(TEXT, 'a4', 'PER', 'John Smith'),
  spanOf(TEXT, 'a5', 'LOC', 'تهران'),
];
const relations: StoredRelation[] = [
  { id: 'r1', type: 'member_of', from: 'a2', to: 'a3', note: 'since 2008, "speaker"' },
  { id: 'r2', type: 'located_in', from: 'a4', to: 'a5' },
  { id: 'r3', type: 'reports', from: 'a1', to: 'a2' },
];
const document: ExportDocument = { id: 'news/001.txt', text: TEXT, annotations, relations };

/** A discontinuous span (two fragments), as the third kind: `مجلس … اسلامی`. */
function withFragments(): ExportDocument {
  const outer = spanOf(TEXT, 'a6', 'ORG', 'مجلس شورای اسلامی');
  const first = spanOf(TEXT, 'x', 'x', 'مجلس');
  const last = spanOf(TEXT, 'y', 'y', 'اسلامی');
  const discontinuous: StoredAnnotation = { ...outer, text: 'مجلس اسلامی', fragments: [{ start: first.start, end: first.end }, { start: last.start, end: last.end }] };
  return { ...document, annotations: [...annotations, discontinuous], relations: [...relations, { id: 'r4', type: 'same_as', from: 'a3', to: 'a6' }] };
}

const byId = new Map(annotations.map((annotation) => [annotation.id, annotation]));
function key(type: string, from: { start: number; end: number }, to: { start: number; end: number }): string {
  return `${type} ${from.start}-${from.end} → ${to.start}-${to.end}`;
}
const expectedKeys = relations.map((relation) => key(relation.type, byId.get(relation.from) as StoredAnnotation, byId.get(relation.to) as StoredAnnotation)).sort();

function importedKeys(article: ImportedArticle): string[] {
  const spans = new Map(article.spans.map((span) => [span.id, span]));
  return article.relations.map((relation) => key(relation.type, spans.get(relation.from) ?? { start: -1, end: -1 }, spans.get(relation.to) ?? { start: -1, end: -1 })).sort();
}

function mainFile(exported: SerializedExport, path: string): string {
  const file = exported.files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`no ${path} in ${exported.files.map((candidate) => candidate.path).join(', ')}`);
  return file.content;
}

describe('relations round trip through every format that holds them', () => {
  it('doccano JSONL, relation variant: entities and relations (from_id, to_id, type) come back', () => {
    const exported = serializeJsonl([document], { jsonlVariant: 'entities' });
    expect(exported.reports[0].problems).toEqual([]);
    const line = JSON.parse(mainFile(exported, 'corpus.jsonl')) as { relations: { id: number; from_id: number; to_id: number; type: string }[] };
    expect(line.relations.map((relation) => Object.keys(relation).sort())).toEqual(Array(3).fill(['from_id', 'id', 'to_id', 'type']));
    const parsed = parseJsonl(mainFile(exported, 'corpus.jsonl'), { file: 'corpus.jsonl', baseName: 'corpus' });
    expect(parsed.articles).toHaveLength(1);
    expect(importedKeys(parsed.articles[0])).toEqual(expectedKeys);
  });

  it('Label Studio: relation results (from_id, to_id, labels, direction) come back', () => {
    const exported = serializeLabelStudio([document]);
    const tasks = JSON.parse(mainFile(exported, 'tasks.json')) as { annotations: { result: { type: string; direction?: string }[] }[] }[];
    expect(tasks[0].annotations[0].result.filter((result) => result.type === 'relation').map((result) => result.direction)).toEqual(['right', 'right', 'right']);
    const parsed = parseLabelStudio(mainFile(exported, 'tasks.json'), { file: 'tasks.json', baseName: 'tasks' });
    expect(importedKeys(parsed.articles[0])).toEqual(expectedKeys);
    // A `left` relation points the other way.
    const left = mainFile(exported, 'tasks.json').replace('"direction":"right"', '"direction":"left"');
    const reversed = importedKeys(parseLabelStudio(left, { file: 'tasks.json', baseName: 'tasks' }).articles[0]);
    expect(reversed).toContain(key('member_of', byId.get('a3') as StoredAnnotation, byId.get('a2') as StoredAnnotation));
  });

  it('W3C Web Annotation: linking annotations between the two annotations come back, ids, notes and fragments too', () => {
    const source = withFragments();
    const exported = serializeW3c([source]);
    const read = parseW3cAnnotations(mainFile(exported, 'annotations.jsonld'));
    expect(read.skipped).toEqual([]);
    const article = read.articles.get('news/001.txt');
    expect(article?.annotations).toEqual(source.annotations.map(({ id, type, start, end, text, fragments }) => ({ id, type, start, end, text, ...(fragments ? { fragments } : {}) })));
    expect(article?.relations).toEqual(source.relations);
  });

  it('relations CSV: one row per relation with both argument spans and texts comes back', () => {
    const exported = serializeCsv([withFragments()]);
    expect(exported.reports[0].problems.filter((problem) => problem.kind === 'relations-omitted')).toEqual([]);
    const content = mainFile(exported, RELATIONS_CSV_FILE);
    expect(content.split('\r\n')[0]).toBe('article,id,type,from_id,from_type,from_start,from_end,from_text,to_id,to_type,to_start,to_end,to_text,note');
    const read = parseRelationsCsv(content);
    expect(read.skipped).toEqual([]);
    expect(read.rows.map((row) => row.relation)).toEqual(withFragments().relations);
    const spans = new Map(withFragments().annotations.map((annotation) => [annotation.id, annotation]));
    for (const row of read.rows) {
      expect(row.article).toBe('news/001.txt');
      for (const end of [row.from, row.to]) expect(end).toEqual({ id: end.id, type: spans.get(end.id)?.type, start: spans.get(end.id)?.start, end: spans.get(end.id)?.end, text: spans.get(end.id)?.text });
    }
    // Without relations, no relations.csv.
    expect(serializeCsv([{ ...document, relations: [] }]).files.map((file) => file.path)).toEqual(['annotations.csv']);
  });

  it('brat: R lines and discontinuous `a b;c d` spans come back', () => {
    const source = withFragments();
    const exported = serializeBrat([source]);
    const ann = mainFile(exported, 'news/001.ann');
    expect(ann).toMatch(/^T\d+\tORG \d+ \d+;\d+ \d+\tمجلس اسلامی$/m);
    const parsed = parseBratDocument({ name: 'news/001', text: TEXT, ann, annFile: 'news/001.ann' });
    const article = parsed.articles[0];
    expect(importedKeys({ ...article, relations: article.relations.filter((relation) => relation.type !== 'same_as') })).toEqual(expectedKeys);
    expect(article.spans.find((span) => span.fragments)?.fragments).toEqual(source.annotations[5].fragments);
    // An event: the trigger's roles become an E line and come back as roles.
    const event = { ...source, annotations: source.annotations.map((annotation) => (annotation.id === 'a4' ? { ...annotation, roles: [{ role: 'Agent', target: 'a2' }, { role: 'Place', target: 'a5' }] } : annotation)) };
    const eventAnn = mainFile(serializeBrat([event]), 'news/001.ann');
    expect(eventAnn).toMatch(/^E1\tPER:T\d+ Agent:T\d+ Place:T\d+$/m);
    const back = parseBratDocument({ name: 'news/001', text: TEXT, ann: eventAnn, annFile: 'news/001.ann' }).articles[0];
    const spans = new Map(back.spans.map((span) => [span.id, span]));
    const trigger = back.spans.find((span) => span.roles);
    expect(trigger && [trigger.start, trigger.end]).toEqual([byId.get('a4')?.start, byId.get('a4')?.end]);
    expect(trigger?.roles?.map((role) => [role.role, spans.get(role.target)?.start])).toEqual([['Agent', byId.get('a2')?.start], ['Place', byId.get('a5')?.start]]);
  });

  it('CoNLL and Hugging Face say what they cannot hold: relations and fragments, counted', () => {
    // The discontinuous span alone over its words (a3 would overlap it and be reported as such).
    const source = withFragments();
    const tokenDocument: ExportDocument = { ...source, annotations: source.annotations.filter((annotation) => annotation.id !== 'a3'), relations: [relations[1], relations[2], { id: 'r5', type: 'member_of', from: 'a2', to: 'a6' }] };
    for (const exported of [serializeConll([tokenDocument]), serializeHf([tokenDocument])]) {
      const problems = exported.reports[0].problems;
      expect(problems.find((problem) => problem.kind === 'relations-omitted')?.message).toMatch(/^3 relations not exported/);
      expect(problems.filter((problem) => problem.kind === 'discontinuous').map((problem) => [problem.annotation, problem.effect])).toEqual([['a6', 'changed']]);
    }
    // An event (a trigger with roles) is counted too, in every format that has no place for it.
    const withEvent: ExportDocument = { ...tokenDocument, annotations: tokenDocument.annotations.map((annotation) => (annotation.id === 'a4' ? { ...annotation, roles: [{ role: 'Agent', target: 'a2' }, { role: 'Place', target: 'a5' }] } : annotation)) };
    for (const exported of [serializeConll([withEvent]), serializeHf([withEvent]), serializeJsonl([withEvent]), serializeLabelStudio([withEvent]), serializeW3c([withEvent]), serializeCsv([withEvent])]) {
      expect(exported.reports[0].problems.find((problem) => problem.kind === 'events-omitted')?.message).toMatch(/^1 event \(2 role arguments\) not exported/);
    }
  });
});
