import { QUOTE_CONTEXT_LENGTH } from '../anchoring/quote';
import { checkDocument, type CheckedDocument, documentOutput, omittedAttributes, omittedEvents, type SpanPiece } from './checkedSpans';
import type { DocumentOutput, ExportDocument, ExportFile, FormatSerializer, SerializedExport, SerializeOptions } from './exportTypes';
import { serializeWith } from './serializeWith';
import { entityIri, exportEntityOf, type ExportEntities } from '../entities/entityExportLinks';

/**
 * W3C Web Annotation JSON-LD: one `AnnotationCollection` whose page lists an `Annotation` per
 * span. Each target names the article (its id inside the corpus) and carries a
 * TextPositionSelector (start, end in code points, as the Web Annotation model counts
 * characters) and a TextQuoteSelector (exact, prefix, suffix) so the span can be found again
 * if the text moves. A discontinuous span has one target per fragment. The type is a
 * `tagging` body, a note a `commenting` body; a relation is a `linking` annotation whose
 * targets are the two annotations' ids.
 */
const TITLE = 'W3C Web Annotation';
export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * The IRI of an article, `target.source`: `urn:hashiye:article:` + its path inside the corpus,
 * percent-encoded as one component (`news/001.txt` → `urn:hashiye:article:news%2F001.txt`).
 * It resolves to the file CORPUS/decoded-path; README "W3C Web Annotation" says how.
 */
const ARTICLE_IRI_PREFIX = 'urn:hashiye:article:';

export function w3cArticleIri(article: string): string {
  return `${ARTICLE_IRI_PREFIX}${encodeURIComponent(article)}`;
}

/** The inverse of w3cArticleIri: a target's `source` → the article's path in the corpus; another IRI as it is. */
export function articleOfW3cSource(source: string): string {
  return source.startsWith(ARTICLE_IRI_PREFIX) ? decodeURIComponent(source.slice(ARTICLE_IRI_PREFIX.length)) : source;
}

/** A stable IRI for an annotation of an article. */
export function w3cAnnotationIri(article: string, annotation: string): string {
  return `urn:hashiye:${encodeURIComponent(article)}:${encodeURIComponent(annotation)}`;
}

/**
 * (#21) With metadata, the source is the article as a resource described in Dublin Core terms
 * (the Web Annotation context declares `dcterms`): title, publisher (the source), creator, issued
 * (the publication date) and `dcterms:source` (the URL it was taken from). Without, its IRI alone.
 */
function w3cSource(document: ExportDocument): string | Record<string, string> {
  const iri = w3cArticleIri(document.id);
  const metadata = document.metadata;
  if (!metadata || Object.keys(metadata).length === 0) return iri;
  const terms: [string, string | undefined][] = [
    ['dcterms:title', metadata.title],
    ['dcterms:publisher', metadata.source],
    ['dcterms:creator', metadata.author],
    ['dcterms:issued', metadata.published],
    ['dcterms:source', metadata.url],
  ];
  return { id: iri, type: 'Text', format: 'text/plain', ...Object.fromEntries(terms.filter((term): term is [string, string] => term[1] !== undefined)) };
}

function target(checked: CheckedDocument, piece: SpanPiece): object {
  const { text } = checked.document;
  const { converter } = checked;
  const prefixStart = converter.toUtf16(Math.max(0, piece.start - QUOTE_CONTEXT_LENGTH));
  const suffixEnd = converter.toUtf16(Math.min(converter.codePointLength, piece.end + QUOTE_CONTEXT_LENGTH));
  return {
    source: w3cSource(checked.document),
    selector: [
      { type: 'TextPositionSelector', start: piece.start, end: piece.end },
      {
        type: 'TextQuoteSelector',
        exact: text.slice(piece.start16, piece.end16),
        prefix: text.slice(prefixStart, piece.start16),
        suffix: text.slice(piece.end16, suffixEnd),
      },
    ],
  };
}

/**
 * (#24) The entity an annotation is linked to: a `SpecificResource` body with purpose
 * `identifying`, whose source is the entity's Wikidata item (or its corpus-local IRI) and whose
 * `id`/`name` say which registry entity it is, so the link reads back without the registry.
 */
function identifyingBody(entityId: string, entities: ExportEntities | undefined): object {
  const entity = exportEntityOf(entityId, entities);
  return {
    type: 'SpecificResource',
    purpose: 'identifying',
    source: entityIri(entity),
    'hashiye:entity': entity.id,
    ...(entity.name !== '' ? { 'hashiye:name': entity.name } : {}),
  };
}

function serializeDocument(document: ExportDocument, options: SerializeOptions): DocumentOutput {
  const checked = checkDocument(document);
  const problems = [...omittedAttributes(checked.spans, TITLE), ...omittedEvents(checked.spans, TITLE)];
  const items: string[] = [];
  for (const span of checked.spans) {
    const { annotation } = span;
    const body: object[] = [{ type: 'TextualBody', purpose: 'tagging', value: annotation.type }];
    if (annotation.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: annotation.note });
    if (annotation.entity) body.push(identifyingBody(annotation.entity, options.entities));
    const targets = span.pieces.map((piece) => target(checked, piece));
    items.push(JSON.stringify({
      '@context': W3C_CONTEXT,
      id: w3cAnnotationIri(document.id, annotation.id),
      type: 'Annotation',
      motivation: 'tagging',
      body,
      target: targets.length === 1 ? targets[0] : targets,
    }));
  }
  for (const relation of checked.relations) {
    const body: object[] = [{ type: 'TextualBody', purpose: 'tagging', value: relation.type }];
    if (relation.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: relation.note });
    items.push(JSON.stringify({
      '@context': W3C_CONTEXT,
      id: w3cAnnotationIri(document.id, relation.id),
      type: 'Annotation',
      motivation: 'linking',
      body,
      target: [w3cAnnotationIri(document.id, relation.from), w3cAnnotationIri(document.id, relation.to)],
    }));
  }
  return documentOutput(checked, { chunk: items.join(',\n'), problems, writesRelations: true });
}

function finish(outputs: readonly DocumentOutput[]): ExportFile[] {
  const chunks = outputs.map((output) => output.chunk).filter((chunk) => chunk !== '');
  const total = chunks.reduce((sum, chunk) => sum + chunk.split('\n').length, 0);
  const head = `{"@context":${JSON.stringify(W3C_CONTEXT)},"id":"urn:hashiye:export","type":"AnnotationCollection","total":${total},"first":{"id":"urn:hashiye:export:page:1","type":"AnnotationPage","startIndex":0,"items":[`;
  const content = chunks.length === 0 ? `${head}]}}\n` : `${head}\n${chunks.join(',\n')}\n]}}\n`;
  return [{ path: 'annotations.jsonld', content, role: 'main' }];
}

export const w3cFormat: FormatSerializer = {
  id: 'w3c',
  title: TITLE,
  mainExtension: '.jsonld',
  offsetUnit: 'codepoint',
  serializeDocument,
  finish,
};

export function serializeW3c(documents: readonly ExportDocument[], options: SerializeOptions = {}): SerializedExport {
  return serializeWith(w3cFormat, documents, options);
}
