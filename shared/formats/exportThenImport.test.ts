import { describe, expect, it } from 'vitest';
import { serializeBrat } from './brat';
import { checkDocument } from './checkedSpans';
import { serializeConll } from './conll';
import { serializeHf } from './hf';
import type { ExportDocument } from './exportTypes';
import { parseBratDocument } from './import/brat';
import { parseConll } from './import/conll';
import { parseHf } from './import/hf';
import type { ImportedArticle } from './import/importTypes';
import { parseJsonl } from './import/jsonl';
import { parseLabelStudio } from './import/labelstudio';
import { serializeJsonl } from './jsonl';
import { serializeLabelStudio } from './labelstudio';
import { fixtureDocument, randomDocument, reportedIds } from './testArticles';

/**
 * Export with our serializers, read back with the project's importers (shared/formats/import):
 * every span the format holds must come back with the same type, offsets (code points) and
 * text, through whichever offset unit the format uses.
 */

function exportedSpans(document: ExportDocument, changedOrLost: Set<string>): string[] {
  return checkDocument(document)
    .spans.filter((span) => !changedOrLost.has(span.annotation.id))
    .map((span) => `${span.annotation.type}@${span.annotation.start}-${span.annotation.end}`)
    .sort();
}

function importedSpans(article: ImportedArticle): string[] {
  return article.spans.map((span) => `${span.type}@${span.start}-${span.end}`).sort();
}

const documents = (): ExportDocument[] => [fixtureDocument(), ...Array.from({ length: 150 }, (_, index) => randomDocument(7000 + index))];

describe('export then import with the project importers', () => {
  it('doccano JSONL (UTF-16 units), both variants', () => {
    for (const variant of ['label', 'entities'] as const) {
      for (const document of documents()) {
        const { files, reports } = serializeJsonl([document], { jsonlVariant: variant });
        const parsed = parseJsonl(files[0].content, { file: 'corpus.jsonl', baseName: 'x' });
        expect(parsed.articles).toHaveLength(1);
        expect(parsed.articles[0].text).toBe(document.text);
        const changed = reportedIds(reports[0], ['changed', 'lost']);
        // A discontinuous span comes back as its pieces; compare the others.
        expect(importedSpans(parsed.articles[0]).filter((key) => !key.startsWith('EVENT@')), `${variant} ${document.id}`).toEqual(exportedSpans(document, changed));
      }
    }
  });

  it('Label Studio JSON (UTF-16 units)', () => {
    for (const document of documents()) {
      const { files, reports } = serializeLabelStudio([document]);
      const parsed = parseLabelStudio(files[0].content, { file: 'tasks.json', baseName: 'x' });
      expect(parsed.articles[0].text).toBe(document.text);
      const changed = reportedIds(reports[0], ['changed', 'lost']);
      expect(importedSpans(parsed.articles[0]).filter((key) => !key.startsWith('EVENT@')), document.id).toEqual(exportedSpans(document, changed));
    }
  });

  it('brat standoff (code points), discontinuous spans included', () => {
    for (const document of documents()) {
      const { files, reports } = serializeBrat([document]);
      const parsed = parseBratDocument({ name: 'x', text: files[0].content, ann: files[1].content, annFile: 'x.ann' });
      expect(parsed.articles[0].text).toBe(document.text);
      const changed = reportedIds(reports[0], ['changed', 'lost']);
      expect(importedSpans(parsed.articles[0]), document.id).toEqual(
        expect.arrayContaining(exportedSpans(document, changed)),
      );
      expect(parsed.articles[0].spans.length).toBe(reports[0].written);
    }
  });

  it('CoNLL and HF give the same tokens and entity tokens back', () => {
    for (const document of documents().slice(1)) {
      const conll = serializeConll([document]);
      const parsedConll = parseConll(conll.files[0].content, { file: 'corpus.conll', baseName: 'x' });
      const tokensOf = (article: ImportedArticle): string[] => (article.tokens ?? []).map(([start, end]) => Array.from(article.text).slice(start, end).join(''));
      const exportedTokens = conll.files[0].content.split('\n').filter((line) => line.includes('\t') && !line.startsWith('-DOCSTART-')).map((line) => line.split('\t')[0]);
      expect(parsedConll.articles.flatMap(tokensOf), document.id).toEqual(exportedTokens);
      const hf = serializeHf([document]);
      const names = (JSON.parse(hf.files[1].content) as { names: string[] }).names;
      const parsedHf = parseHf(hf.files[0].content, { file: 'data.jsonl', baseName: 'x', labelNames: names });
      expect(parsedHf.articles.flatMap(tokensOf)).toEqual(exportedTokens);
      const entityTexts = (articles: ImportedArticle[]): string[] => articles.flatMap((article) => article.spans.map((span) => `${span.type}:${Array.from(article.text).slice(span.start, span.end).join('')}`));
      expect(entityTexts(parsedHf.articles)).toEqual(entityTexts(parsedConll.articles));
    }
  });
});
