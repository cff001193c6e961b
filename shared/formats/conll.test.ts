import { describe, expect, it } from 'vitest';
import { serializeConll } from './conll';
import type { ExportDocument, TaggingScheme } from './exportTypes';
import { decodeTokenTags, entityKeys, expectedEntities, fixtureDocument, randomDocument, reportedIds } from './testArticles';

interface ConllDocument {
  sentences: { tokens: string[]; tags: string[] }[];
}

/** A test-local CoNLL reader: documents after each -DOCSTART-, sentences split by blank lines. */
function readConll(content: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let sentence: { tokens: string[]; tags: string[] } = { tokens: [], tags: [] };
  const flush = (): void => {
    if (sentence.tokens.length > 0) documents[documents.length - 1].sentences.push(sentence);
    sentence = { tokens: [], tags: [] };
  };
  for (const line of content.split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      flush();
      documents.push({ sentences: [] });
    } else if (line === '') {
      flush();
    } else {
      const [token, tag, ...rest] = line.split('\t');
      expect(rest).toEqual([]);
      sentence.tokens.push(token);
      sentence.tags.push(tag);
    }
  }
  flush();
  return documents;
}

describe('CoNLL export', () => {
  it('writes token TAB tag lines in IOB2 with -DOCSTART- before each document', () => {
    const { files, reports } = serializeConll([fixtureDocument('a.txt'), { id: 'b.txt', text: 'سلام.', annotations: [], relations: [] }]);
    expect(files.map((file) => file.path)).toEqual(['corpus.conll']);
    const content = files[0].content;
    expect(content.startsWith('-DOCSTART-\tO\n\n😀\tO\nسرلشکر\tB-EVENT\nباقری\tB-PER\nگفت\tB-EVENT\n')).toBe(true);
    expect(content).toContain('\nمی‌خواهند\tB-MISC\n.\tI-MISC\nرئیس\tI-MISC\nستاد\tB-ORG\n');
    expect(content).toContain('\nکشورهای\tB-LOC\nجهان\tI-LOC\n');
    expect(content).toContain('\n۱۲٫۵\tB-PERCENT\nدرصد\tI-PERCENT\n');
    expect(content.endsWith('-DOCSTART-\tO\n\nسلام\tO\n.\tO\n\n')).toBe(true);
    const kinds = Object.fromEntries(reports[0].problems.filter((problem) => problem.annotation).map((problem) => [problem.annotation, `${problem.kind}/${problem.effect}`]));
    expect(kinds).toMatchObject({
      T1: 'overlap/lost',
      T4: 'overlap/lost',
      'ann-6': 'overlap/lost',
      T8: 'discontinuous/changed',
      T12: 'text-mismatch/lost',
      T13: 'out-of-range/lost',
      R2: 'relation-dangling/omitted',
    });
    expect(reports[0].problems.map((problem) => problem.kind)).toEqual(expect.arrayContaining(['relations-omitted', 'notes-omitted', 'attributes-omitted']));
    expect(reports[0].written).toBe(8);
  });

  it('splits sentences after . ! ? ؟ and at line ends, never inside an entity', () => {
    const document: ExportDocument = { id: 'x.txt', text: 'او آمد. آیا رفت؟ «بله!» خوب\nپایان', annotations: [], relations: [] };
    const [parsed] = readConll(serializeConll([document]).files[0].content);
    expect(parsed.sentences.map((sentence) => sentence.tokens.join(' '))).toEqual(['او آمد .', 'آیا رفت ؟', '« بله ! »', 'خوب', 'پایان']);
  });

  it('writes IOB1 and BIOES on request', () => {
    const text = 'علی رضا حسن رفت';
    const document: ExportDocument = {
      id: 'x.txt',
      text,
      annotations: [
        { id: 'a', type: 'PER', start: 0, end: 3, text: 'علی' },
        { id: 'b', type: 'PER', start: 4, end: 11, text: 'رضا حسن' },
      ],
      relations: [],
    };
    const tags = (scheme: TaggingScheme): string[] => readConll(serializeConll([document], { scheme }).files[0].content)[0].sentences[0].tags;
    expect(tags('iob2')).toEqual(['B-PER', 'B-PER', 'I-PER', 'O']);
    expect(tags('iob1')).toEqual(['I-PER', 'B-PER', 'I-PER', 'O']);
    expect(tags('bioes')).toEqual(['S-PER', 'B-PER', 'E-PER', 'O']);
  });

  it('uses the source tokens of an imported article, tagging whole tokens and reporting partial ones', () => {
    const text = 'امنیتیگروه سیاسی\nباشگاه خبرنگاران';
    const document: ExportDocument = {
      id: 'x.txt',
      text,
      tokens: [[0, 10], [11, 16], [17, 23], [24, 33]],
      annotations: [
        { id: 'a', type: 'ORG', start: 6, end: 16, text: 'گروه سیاسی' },
        { id: 'b', type: 'ORG', start: 17, end: 33, text: 'باشگاه خبرنگاران' },
      ],
      relations: [],
    };
    const { files, reports } = serializeConll([document]);
    const [parsed] = readConll(files[0].content);
    expect(parsed.sentences.map((sentence) => sentence.tokens)).toEqual([['امنیتیگروه', 'سیاسی'], ['باشگاه', 'خبرنگاران']]);
    expect(parsed.sentences.map((sentence) => sentence.tags)).toEqual([['B-ORG', 'I-ORG'], ['B-ORG', 'I-ORG']]);
    expect(reports[0].problems).toEqual([expect.objectContaining({ kind: 'not-on-token-edge', effect: 'changed', annotation: 'a' })]);
  });

  it('splits a project token at a span edge inside it (run-together words)', () => {
    const text = 'حوزه امنیتیگروه سیاسی';
    const document: ExportDocument = { id: 'x.txt', text, annotations: [{ id: 'a', type: 'ORG', start: 11, end: 21, text: 'گروه سیاسی' }], relations: [] };
    const { files, reports } = serializeConll([document]);
    expect(files[0].content).toBe('-DOCSTART-\tO\n\nحوزه\tO\nامنیتی\tO\nگروه\tB-ORG\nسیاسی\tI-ORG\n\n');
    expect(reports[0].problems).toEqual([]);
  });

  for (const scheme of ['iob2', 'iob1', 'bioes'] as const) {
    it(`round-trips random Persian articles in ${scheme}: what is not reported comes back exactly (property test)`, () => {
      for (let seed = 1; seed <= 300; seed++) {
        const document = randomDocument(seed);
        const { files, reports } = serializeConll([document], { scheme });
        const [parsed] = readConll(files[0].content);
        const lost = reportedIds(reports[0], ['lost']);
        const entities = decodeTokenTags(document.text, parsed.sentences, scheme);
        expect(entityKeys(document.text, entities), `seed ${seed}`).toEqual(expectedEntities(document, lost));
        for (const problem of reports[0].problems) expect(['overlap', 'empty-span', 'relations-omitted']).toContain(problem.kind);
      }
    });
  }

  it('gives byte-identical output for the same input', () => {
    const documents = [fixtureDocument(), randomDocument(7)];
    expect(serializeConll(documents).files[0].content).toBe(serializeConll(documents).files[0].content);
  });

  it('handles an empty article and an empty corpus', () => {
    expect(serializeConll([{ id: 'e.txt', text: '', annotations: [], relations: [] }]).files[0].content).toBe('-DOCSTART-\tO\n\n');
    expect(serializeConll([]).files[0].content).toBe('');
  });
});
