import type { StoredAnnotation, StoredRelation } from '../../model/nativeFormat';
import { articleOfW3cSource } from '../w3c';

/**
 * Reading back a W3C Web Annotation export (w3c.ts): `tagging` annotations become spans (their
 * TextPositionSelector in code points, the TextQuoteSelector's `exact` as the text, one target per
 * fragment), and `linking` annotations whose two targets are annotations of the same article
 * become relations, from the first target to the second. The article text itself is not in the
 * file: the caller checks the spans against it (checkDocument does).
 */

export interface W3cArticleAnnotations {
  annotations: StoredAnnotation[];
  relations: StoredRelation[];
}

export interface W3cRead {
  /** By article id (the targets' `source`). */
  articles: Map<string, W3cArticleAnnotations>;
  /** Annotations left out, by their position in the list, with why. */
  skipped: { index: number; reason: string }[];
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asList(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** `urn:hashiye:ARTICLE:ID` (w3cAnnotationIri) → its article and annotation id; other IRIs as they are, article unknown. */
export function parseAnnotationIri(iri: string): { article: string | null; id: string } {
  const match = /^urn:hashiye:([^:]*):([^:]*)$/.exec(iri);
  if (!match) return { article: null, id: iri };
  return { article: decodeURIComponent(match[1]), id: decodeURIComponent(match[2]) };
}

/** The annotations of a collection (`first.items`), a page (`items`), a list, or one annotation. */
function annotationsOf(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (!isObject(json)) return [];
  if (isObject(json.first) && Array.isArray(json.first.items)) return json.first.items;
  if (Array.isArray(json.items)) return json.items;
  return [json];
}

function bodyValue(annotation: JsonObject, purpose: string): string | null {
  for (const body of asList(annotation.body)) {
    if (isObject(body) && body.purpose === purpose && typeof body.value === 'string') return body.value;
  }
  return null;
}

function motivationOf(annotation: JsonObject): string[] {
  return asList(annotation.motivation).filter((entry): entry is string => typeof entry === 'string');
}

interface ReadTarget {
  source: string;
  start: number;
  end: number;
  exact: string;
}

function textTarget(target: unknown): ReadTarget | null {
  if (!isObject(target) || typeof target.source !== 'string') return null;
  const selectors = asList(target.selector).filter(isObject);
  const position = selectors.find((selector) => selector.type === 'TextPositionSelector');
  const quote = selectors.find((selector) => selector.type === 'TextQuoteSelector');
  const start = position?.start;
  const end = position?.end;
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return null;
  return { source: articleOfW3cSource(target.source), start, end, exact: typeof quote?.exact === 'string' ? quote.exact : '' };
}

function articleEntry(read: W3cRead, article: string): W3cArticleAnnotations {
  let entry = read.articles.get(article);
  if (!entry) {
    entry = { annotations: [], relations: [] };
    read.articles.set(article, entry);
  }
  return entry;
}

function readTagging(read: W3cRead, annotation: JsonObject, index: number): void {
  const targets = asList(annotation.target).map(textTarget);
  const type = bodyValue(annotation, 'tagging');
  if (targets.length === 0 || targets.some((target) => target === null) || type === null || typeof annotation.id !== 'string') {
    read.skipped.push({ index, reason: 'a tagging annotation needs an id, a tagging body and targets with a TextPositionSelector' });
    return;
  }
  const pieces = (targets as ReadTarget[]).sort((a, b) => a.start - b.start);
  const article = pieces[0].source;
  if (pieces.some((piece) => piece.source !== article)) {
    read.skipped.push({ index, reason: 'its targets are in different articles' });
    return;
  }
  const stored: StoredAnnotation = { id: parseAnnotationIri(annotation.id).id, type, start: pieces[0].start, end: Math.max(...pieces.map((piece) => piece.end)), text: pieces.map((piece) => piece.exact).join(' ') };
  if (pieces.length > 1) stored.fragments = pieces.map(({ start, end }) => ({ start, end }));
  const note = bodyValue(annotation, 'commenting');
  if (note !== null) stored.note = note;
  articleEntry(read, article).annotations.push(stored);
}

function readLinking(read: W3cRead, annotation: JsonObject, index: number): void {
  const targets = asList(annotation.target).map((target) => (typeof target === 'string' ? target : isObject(target) && typeof target.id === 'string' ? target.id : null));
  const type = bodyValue(annotation, 'tagging') ?? bodyValue(annotation, 'classifying') ?? 'related';
  if (targets.length !== 2 || targets.some((target) => target === null) || typeof annotation.id !== 'string') {
    read.skipped.push({ index, reason: 'a linking annotation needs an id and exactly two annotations as targets' });
    return;
  }
  const [from, to] = (targets as string[]).map(parseAnnotationIri);
  const article = from.article ?? to.article ?? parseAnnotationIri(annotation.id).article;
  if (article === null || (to.article !== null && to.article !== article)) {
    read.skipped.push({ index, reason: 'a linking annotation must link two annotations of one article' });
    return;
  }
  const relation: StoredRelation = { id: parseAnnotationIri(annotation.id).id, type, from: from.id, to: to.id };
  const note = bodyValue(annotation, 'commenting');
  if (note !== null) relation.note = note;
  articleEntry(read, article).relations.push(relation);
}

/** Reads an export's JSON-LD text back into annotations and relations per article. */
export function parseW3cAnnotations(content: string): W3cRead {
  const read: W3cRead = { articles: new Map(), skipped: [] };
  let json: unknown;
  try {
    json = JSON.parse(content.startsWith('\uFEFF') ? content.slice(1) : content);
  } catch (error) {
    read.skipped.push({ index: -1, reason: `not JSON: ${(error as Error).message}` });
    return read;
  }
  annotationsOf(json).forEach((annotation, index) => {
    if (!isObject(annotation)) {
      read.skipped.push({ index, reason: 'not an object' });
      return;
    }
    const motivations = motivationOf(annotation);
    if (motivations.includes('linking')) readLinking(read, annotation, index);
    else readTagging(read, annotation, index);
  });
  // A relation whose ends are not both annotations of its article is left out, not kept dangling.
  for (const entry of read.articles.values()) {
    const ids = new Set(entry.annotations.map((annotation) => annotation.id));
    entry.relations = entry.relations.filter((relation) => {
      const known = ids.has(relation.from) && ids.has(relation.to);
      if (!known) read.skipped.push({ index: -1, reason: `relation ${relation.id} links an annotation that is not in the file` });
      return known;
    });
  }
  return read;
}
