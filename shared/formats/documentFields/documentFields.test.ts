import { describe, expect, it } from 'vitest';
import type { ExportDimension, ExportDocument } from '../exportTypes';
import { serializeExport } from '../registry';
import { parseJsonl } from '../import/jsonl';
import { parseLabelStudio } from '../import/labelstudio';
import { w3cArticleIri } from '../w3c';

/** (#21) Metadata and document labels through every export that has a place for them, and back where an import reads them. */
const TEXT = 'سرلشکر باقری در دمشق بود.';
const DIMENSIONS: ExportDimension[] = [
  { id: 'stance', kind: 'single', values: ['for', 'against', 'neutral'] },
  { id: 'topic', kind: 'multi', values: ['politics', 'war'] },
  { id: 'reliability', kind: 'scale', values: ['1', '2', '3', '4', '5'] },
  { id: 'comment', kind: 'text', values: [] },
];
const METADATA = { title: 'دیدار در دمشق', source: 'ایرنا', url: 'https://www.irna.ir/news/1?a=1&b=2', published: '2024-03-20', author: 'مریم' };
const LABELS = { stance: 'against', topic: ['politics', 'war'], reliability: 4, comment: 'منبع رسمی', legacy: 'kept' };
const DOCUMENTS: ExportDocument[] = [
  { id: 'news/1.txt', text: TEXT, annotations: [{ id: 'T1', type: 'PER', start: 7, end: 12, text: 'باقری' } as ExportDocument['annotations'][number]], relations: [], metadata: METADATA, documentLabels: LABELS },
  { id: 'news/2.txt', text: 'خبر دوم.', annotations: [], relations: [] },
];
const options = { dimensions: DIMENSIONS, types: ['PER'] };

function fileOf(format: Parameters<typeof serializeExport>[0], path: string): string {
  const file = serializeExport(format, DOCUMENTS, options).files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`${path} was not written`);
  return file.content;
}

describe('document fields in exports', () => {
  it('doccano JSONL: cats and meta, and both read back', () => {
    const content = fileOf('jsonl', 'corpus.jsonl');
    const first = JSON.parse(content.split('\n')[0]) as Record<string, unknown>;
    expect(first.meta).toEqual(METADATA);
    expect(first.cats).toEqual(LABELS);
    expect(JSON.parse(content.split('\n')[1])).not.toHaveProperty('meta');
    const imported = parseJsonl(content, { file: 'corpus.jsonl', baseName: 'corpus' });
    expect(imported.articles[0].documentLabels).toEqual(LABELS);
  });

  it('Label Studio: metadata in data, labels as choices, rating and textarea, imported back as they were', () => {
    const content = fileOf('labelstudio', 'tasks.json');
    const tasks = JSON.parse(content) as { data: Record<string, unknown>; annotations: { result: { type: string; from_name: string }[] }[] }[];
    expect(tasks[0].data).toMatchObject({ ...METADATA, text: TEXT, article: 'news/1.txt' });
    const types = tasks[0].annotations[0].result.map((result) => `${result.type}:${result.from_name}`);
    expect(types).toEqual(expect.arrayContaining(['choices:stance', 'choices:topic', 'rating:reliability', 'textarea:comment', 'choices:legacy']));
    const imported = parseLabelStudio(content, { file: 'tasks.json', baseName: 'tasks' });
    expect(imported.articles[0].documentLabels).toEqual(LABELS);
    expect(imported.articles[0].spans).toHaveLength(1);
    expect(imported.skipped).toEqual([]);
    const config = fileOf('labelstudio', 'label-config.xml');
    expect(config).toContain('<Choices name="stance" toName="text" choice="single">');
    expect(config).toContain('<Choices name="topic" toName="text" choice="multiple">');
    expect(config).toContain('<Rating name="reliability" toName="text" maxRating="5"/>');
    expect(config).toContain('<TextArea name="comment" toName="text"/>');
  });

  it('Hugging Face: a ClassLabel per single choice, a list, a number and strings, on every row of the article', () => {
    const labels = JSON.parse(fileOf('hf', 'labels.json')) as { document_features: Record<string, Record<string, unknown>> };
    expect(labels.document_features.label_stance).toEqual({ _type: 'ClassLabel', names: ['for', 'against', 'neutral'] });
    expect(labels.document_features.label_topic).toEqual({ _type: 'Sequence', feature: { _type: 'Value', dtype: 'string' } });
    expect(labels.document_features.label_reliability).toEqual({ _type: 'Value', dtype: 'float64' });
    expect(labels.document_features.label_legacy).toEqual({ _type: 'Value', dtype: 'string' });
    expect(labels.document_features.title).toEqual({ _type: 'Value', dtype: 'string' });
    const rows = fileOf('hf', 'data.jsonl').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const first = rows.find((row) => row.article === 'news/1.txt');
    expect(first).toMatchObject({ label_stance: 1, label_topic: ['politics', 'war'], label_reliability: 4, label_comment: 'منبع رسمی', label_legacy: 'kept', ...METADATA });
    // Back from the ClassLabel: the index names the value.
    expect(labels.document_features.label_stance.names).toHaveProperty(String(first?.label_stance), 'against');
    const second = rows.find((row) => row.article === 'news/2.txt');
    expect(second).toMatchObject({ label_stance: -1, label_topic: [], label_reliability: null, title: null });
  });

  it('CSV: documents.csv, a row per article, read back cell by cell', () => {
    const content = fileOf('csv', 'documents.csv');
    const [header, first, second] = content.split('\r\n');
    expect(header).toBe('article,title,source,url,published,author,label_stance,label_topic,label_reliability,label_comment,label_legacy');
    expect(first.split(',')).toEqual(['news/1.txt', METADATA.title, METADATA.source, METADATA.url, METADATA.published, METADATA.author, 'against', 'politics|war', '4', 'منبع رسمی', 'kept']);
    expect(second).toBe('news/2.txt,,,,,,,,,,');
  });

  it('W3C: the source described in Dublin Core terms when there is metadata, its IRI alone when not', () => {
    const collection = JSON.parse(fileOf('w3c', 'annotations.jsonld')) as { first: { items: { target: { source: unknown } }[] } };
    expect(collection.first.items[0].target.source).toEqual({
      id: w3cArticleIri('news/1.txt'),
      type: 'Text',
      format: 'text/plain',
      'dcterms:title': METADATA.title,
      'dcterms:publisher': METADATA.source,
      'dcterms:creator': METADATA.author,
      'dcterms:issued': METADATA.published,
      'dcterms:source': METADATA.url,
    });
  });

  it('brat and CoNLL have no place for them: nothing of them in the files', () => {
    for (const format of ['brat', 'conll'] as const) {
      const all = serializeExport(format, DOCUMENTS, options).files.map((file) => file.content).join('\n');
      expect(all).not.toContain(METADATA.title);
      expect(all).not.toContain('against');
    }
  });
});
