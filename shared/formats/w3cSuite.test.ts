import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { ExportDocument } from './exportTypes';
import { fixtureDocument, spanOf } from './testArticles';
import { serializeW3c, w3cArticleIri } from './w3c';

/**
 * The W3C Web Annotation Working Group's test suite (JSON schemas of the data model's MUST
 * assertions) run over our exports. The suite is team data, never copied into the project:
 * ../shared/data/w3c-annotation-tests (see its SOURCE.md).
 */
const suiteRoot = path.resolve(__dirname, '../../../shared/data/w3c-annotation-tests');
const present = existsSync(suiteRoot);

interface Assertion {
  file: string;
  id: string;
  expectedResult: 'valid' | 'invalid';
}

interface Suite {
  ajv: Ajv;
  assertions(testFile: string): Assertion[];
}

function loadSuite(): Suite {
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  const read = (relative: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(suiteRoot, relative), 'utf8')) as Record<string, unknown>;
  for (const name of readdirSync(path.join(suiteRoot, 'definitions')).filter((file) => file.endsWith('.json'))) ajv.addSchema(read(`definitions/${name}`));
  const loaded = new Set<string>();
  return {
    ajv,
    assertions(testFile) {
      const { assertions } = read(testFile) as { assertions: string[] };
      return assertions.map((file) => {
        const schema = read(file);
        const id = String(schema.id);
        if (!loaded.has(id)) {
          ajv.addSchema(schema);
          loaded.add(id);
        }
        return { file, id, expectedResult: schema.expectedResult === 'invalid' ? 'invalid' : 'valid' };
      });
    },
  };
}

/** The assertions `value` fails: each one's file and the validator's first error. */
function failures(suite: Suite, assertions: readonly Assertion[], value: unknown): string[] {
  const failed: string[] = [];
  for (const assertion of assertions) {
    const validate = suite.ajv.getSchema(assertion.id);
    if (!validate) throw new Error(`${assertion.file} did not compile`);
    const valid = validate(value) === true;
    if (valid !== (assertion.expectedResult === 'valid')) failed.push(`${assertion.file}: ${JSON.stringify(validate.errors?.[0] ?? 'expected invalid')}`);
  }
  return failed;
}

function article(id: string, text: string, spans: [string, string][]): ExportDocument {
  const annotations = spans.map(([type, part], index) => spanOf(text, `T${index + 1}`, type, part, index === 0 ? { note: 'note =1+1' } : {}));
  const relations = annotations.length >= 2 ? [{ id: 'R1', type: 'Rel', from: 'T1', to: 'T2' }] : [];
  return { id, text, annotations, relations };
}

/** Persian (with emoji, ZWNJ, discontinuous spans and a relation), Arabic, English, emoji and CRLF articles. */
const ARTICLES: ExportDocument[] = [
  // (#21) With metadata: its target sources are resources described in Dublin Core terms.
  { ...fixtureDocument('فارسی/خبر ۱.txt'), metadata: { title: 'دیدار در دمشق', source: 'ایرنا', url: 'https://www.irna.ir/news/1', published: '2024-03-20', author: 'مریم' } },
  article('ar/001.txt', 'قال الرئيس محمد بن سلمان في الرياض يوم ٣ مايو.\n', [['PER', 'محمد بن سلمان'], ['LOC', 'الرياض']]),
  article('en/one article.txt', 'Dr. J. R. Smith et al. met in Paris on 3.5 May.\n', [['PER', 'J. R. Smith'], ['LOC', 'Paris']]),
  article('emoji.txt', '👩🏽‍🔬 Tehran 🇮🇷 said 😀 hello.', [['LOC', 'Tehran'], ['MISC', '🇮🇷']]),
  article('crlf.txt', 'First line in Qom.\r\nSecond line in Kerman.\r\n', [['LOC', 'Qom'], ['LOC', 'Kerman']]),
];

interface Collection {
  first: { items: Record<string, unknown>[] } & Record<string, unknown>;
}

describe.skipIf(!present)(`W3C Web Annotation test suite over the export${present ? '' : ' — skipped: ../shared/data/w3c-annotation-tests is absent'}`, () => {
  const suite = present ? loadSuite() : null;
  const collection = JSON.parse(serializeW3c(ARTICLES).files[0].content) as Collection & Record<string, unknown>;

  it('passes every MUST assertion for every annotation (54 assertions each)', () => {
    if (!suite) return;
    const assertions = suite.assertions('annotations/annotationMusts.test');
    expect(assertions).toHaveLength(54);
    const items = collection.first.items;
    expect(items.length).toBeGreaterThan(15);
    for (const item of items) expect(failures(suite, assertions, item), String(item.id)).toEqual([]);
  });

  it('passes every MUST assertion for the collection and for its page', () => {
    if (!suite) return;
    const collectionAssertions = suite.assertions('collections/collectionMusts.test');
    const pageAssertions = suite.assertions('collections/pages/pageMusts.test');
    expect(collectionAssertions).toHaveLength(10);
    expect(pageAssertions).toHaveLength(15);
    expect(failures(suite, collectionAssertions, collection)).toEqual([]);
    // The suite takes a page alone or a collection with its page embedded: both pass.
    expect(failures(suite, pageAssertions, collection)).toEqual([]);
    // The page is embedded in the collection; standing alone it is read with the collection's context.
    expect(failures(suite, pageAssertions, { '@context': collection['@context'], ...collection.first })).toEqual([]);
  });

  it('fails the suite the way the issue found it: no @context on an annotation, a bare name as source', () => {
    if (!suite) return;
    const assertions = suite.assertions('annotations/annotationMusts.test');
    const item = collection.first.items[0];
    const { '@context': _context, ...withoutContext } = item;
    expect(failures(suite, assertions, withoutContext).join('\n')).toContain('3.1-annotationContextValidated');
    const bareSource = { ...item, target: { ...(item.target as object), source: 'a.txt' } };
    expect(failures(suite, assertions, bareSource).join('\n')).toContain('3.2-targetObjectsRecognized');
  });
});

describe('W3C target source IRI', () => {
  it('names the article by a URN that decodes back to its path inside the corpus', () => {
    for (const id of ['فارسی/خبر ۱.txt', 'en/one article.txt', 'a:b%c.txt']) {
      const iri = w3cArticleIri(id);
      expect(iri).toMatch(/^urn:hashiye:article:[A-Za-z0-9%._~!*'()-]+$/);
      expect(decodeURIComponent(iri.slice('urn:hashiye:article:'.length))).toBe(id);
    }
  });
});
