import { describe, expect, it } from 'vitest';
import { checkDocument } from './checkedSpans';
import { serializeW3c, w3cAnnotationIri } from './w3c';
import { fixtureDocument, randomDocument, sliceCodePoints } from './testArticles';

interface Selector {
  type: string;
  start?: number;
  end?: number;
  exact?: string;
  prefix?: string;
  suffix?: string;
}
interface Target {
  source: string;
  selector: Selector[];
}
interface WebAnnotation {
  id: string;
  type: string;
  motivation: string;
  body: { type: string; purpose: string; value: string }[];
  target: Target | Target[] | string[];
}
interface Collection {
  '@context': string;
  type: string;
  total: number;
  first: { items: WebAnnotation[] };
}

describe('W3C Web Annotation export', () => {
  it('writes a collection with TextPositionSelector in code points and TextQuoteSelector', () => {
    const document = fixtureDocument('a.txt');
    const collection = JSON.parse(serializeW3c([document]).files[0].content) as Collection;
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(collection.first.items.length);
    const first = collection.first.items[0];
    expect(first.id).toBe(w3cAnnotationIri('a.txt', 'T1'));
    expect(first.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'PER' },
      { type: 'TextualBody', purpose: 'commenting', value: 'Chief of staff,\nArmed Forces' },
    ]);
    expect(first.target).toEqual({
      source: 'urn:hashiye:article:a.txt',
      selector: [
        { type: 'TextPositionSelector', start: 2, end: 14 },
        { type: 'TextQuoteSelector', exact: 'سرلشکر باقری', prefix: '😀 ', suffix: expect.stringMatching(/^ گفت: همه/) },
      ],
    });
    const discontinuous = collection.first.items.find((item) => item.id === w3cAnnotationIri('a.txt', 'T8'));
    expect(Array.isArray(discontinuous?.target) && discontinuous.target.length).toBe(2);
    const link = collection.first.items.find((item) => item.motivation === 'linking');
    expect(link?.target).toEqual([w3cAnnotationIri('a.txt', 'T1'), w3cAnnotationIri('a.txt', 'T3')]);
  });

  it('round-trips random Persian articles with overlapping spans (property test)', () => {
    for (let seed = 5000; seed < 5300; seed++) {
      const document = randomDocument(seed);
      const collection = JSON.parse(serializeW3c([document]).files[0].content) as Collection;
      const spans = checkDocument(document).spans;
      const tagging = collection.first.items.filter((item) => item.motivation === 'tagging');
      expect(tagging).toHaveLength(spans.length);
      tagging.forEach((item, index) => {
        const target = item.target as Target;
        const position = target.selector[0];
        const quote = target.selector[1];
        const annotation = spans[index].annotation;
        expect([position.start, position.end], `seed ${seed}`).toEqual([annotation.start, annotation.end]);
        expect(quote.exact).toBe(annotation.text);
        expect(sliceCodePoints(document.text, position.start ?? 0, position.end ?? 0)).toBe(quote.exact);
        expect(document.text.includes(`${quote.prefix}${quote.exact}${quote.suffix}`)).toBe(true);
      });
    }
  });

  it('writes an empty collection for no documents', () => {
    expect((JSON.parse(serializeW3c([]).files[0].content) as Collection).total).toBe(0);
  });
});
