import { describe, expect, it } from 'vitest';
import { hfLabelNames, serializeHf } from './hf';
import { decodeTokenTags, entityKeys, expectedEntities, fixtureDocument, randomDocument, reportedIds } from './testArticles';

interface HfRow {
  id: string;
  article: string;
  tokens: string[];
  ner_tags: number[];
}

function read(content: string): HfRow[] {
  return content.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as HfRow);
}

describe('Hugging Face token-classification export', () => {
  it('writes JSON lines of tokens and integer ner_tags, with the label list', () => {
    const { files, reports } = serializeHf([fixtureDocument('a.txt')], { types: ['PER', 'ORG', 'LOC'] });
    expect(files.map((file) => file.path)).toEqual(['data.jsonl', 'labels.json']);
    const labels = JSON.parse(files[1].content) as { scheme: string; names: string[]; id2label: Record<string, string>; label2id: Record<string, number> };
    expect(labels.names.slice(0, 7)).toEqual(['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC']);
    // Types outside the tag set follow, sorted.
    expect(labels.names.slice(7)).toEqual(['B-EVENT', 'I-EVENT', 'B-MISC', 'I-MISC', 'B-PERCENT', 'I-PERCENT']);
    expect(labels.id2label['1']).toBe('B-PER');
    expect(labels.label2id['I-LOC']).toBe(6);
    const rows = read(files[0].content);
    expect(rows[0]).toMatchObject({ id: 'a.txt#0', article: 'a.txt' });
    expect(rows[0].tokens.slice(0, 4)).toEqual(['😀', 'سرلشکر', 'باقری', 'گفت']);
    expect(rows[0].ner_tags.slice(0, 4).map((tag) => labels.names[tag])).toEqual(['O', 'B-EVENT', 'B-PER', 'B-EVENT']);
    expect(reports[0].problems.some((problem) => problem.kind === 'overlap' && problem.annotation === 'T1')).toBe(true);
  });

  it('lists BIOES labels when asked', () => {
    expect(hfLabelNames(['PER'], 'bioes')).toEqual(['O', 'B-PER', 'I-PER', 'E-PER', 'S-PER']);
  });

  for (const scheme of ['iob2', 'bioes'] as const) {
    it(`round-trips random Persian articles in ${scheme} (property test)`, () => {
      for (let seed = 1000; seed < 1200; seed++) {
        const document = randomDocument(seed);
        const { files, reports } = serializeHf([document], { scheme });
        const names = (JSON.parse(files[1].content) as { names: string[] }).names;
        const sentences = read(files[0].content).map((row) => ({ tokens: row.tokens, tags: row.ner_tags.map((tag) => names[tag]) }));
        const entities = decodeTokenTags(document.text, sentences, scheme);
        expect(entityKeys(document.text, entities), `seed ${seed}`).toEqual(expectedEntities(document, reportedIds(reports[0], ['lost'])));
      }
    });
  }
});
