import { checkDocument, documentOutput, omittedAttributes, omittedEvents, omittedNotes, omittedRelations, splitDiscontinuous } from './checkedSpans';
import type { DocumentOutput, ExportDocument, ExportFile, FormatSerializer, SerializedExport, SerializeOptions } from './exportTypes';
import { serializeWith } from './serializeWith';
import { exportedMetadata } from './documentFields/documentColumns';
import { exportEntityOf, type ExportEntities } from '../entities/entityExportLinks';

/**
 * doccano JSONL, one article a line. Offsets are UTF-16 code units, because doccano's front
 * end counts JavaScript string positions (doccano/doccano#2484).
 * - `label` variant (sequence labelling): `{"id", "text", "label": [[start, end, type], ...]}`;
 * - `entities` variant (relation extraction): `{"id", "text", "entities": [{"id", "label",
 *   "start_offset", "end_offset"}], "relations": [{"id", "from_id", "to_id", "type"}]}`.
 * Nested and overlapping spans are kept as they are: both variants hold them.
 * (#21) Document labels are `cats`; the metadata is doccano's `meta` object (title, source, url, published, author).
 * (#24) Entity links:
 * `entity` (and `wikidata`, the entity's QID when it has one) on each item of `entities`; in the
 * label variant, `entity_links: [[start, end, id, qid]]` (qid `null` when the entity has none).
 */
const TITLE = 'doccano JSONL';

function serializeDocument(document: ExportDocument, options: SerializeOptions): DocumentOutput {
  const checked = checkDocument(document);
  const variant = options.jsonlVariant ?? 'label';
  const problems = [...splitDiscontinuous(checked.spans, TITLE), ...omittedNotes(checked.spans, TITLE), ...omittedAttributes(checked.spans, TITLE), ...omittedEvents(checked.spans, TITLE)];
  let line: string;
  if (variant === 'label') {
    problems.push(...omittedRelations(checked.relations, `${TITLE} (label variant)`));
    const label = checked.spans.flatMap((span) => span.pieces.map((piece) => [piece.start16, piece.end16, span.annotation.type]));
    line = JSON.stringify({ id: document.id, text: document.text, label, ...entityLinksOf(checked.spans, options.entities), ...catsOf(document), ...exportedMetadata(document.metadata) });
  } else {
    const entityIds = new Map<string, number>();
    const entities: { id: number; label: string; start_offset: number; end_offset: number; entity?: string; wikidata?: string }[] = [];
    for (const span of checked.spans) {
      for (const piece of span.pieces) {
        const id = entities.length + 1;
        if (!entityIds.has(span.annotation.id)) entityIds.set(span.annotation.id, id);
        entities.push({ id, label: span.annotation.type, start_offset: piece.start16, end_offset: piece.end16, ...linkFieldsOf(span.annotation.entity, options.entities) });
      }
    }
    const relations = checked.relations.map((relation, index) => ({
      id: index + 1,
      from_id: entityIds.get(relation.from) ?? 0,
      to_id: entityIds.get(relation.to) ?? 0,
      type: relation.type,
    }));
    line = JSON.stringify({ id: document.id, text: document.text, entities, relations, ...catsOf(document), ...exportedMetadata(document.metadata) });
  }
  return documentOutput(checked, { chunk: `${line}\n`, problems, writesRelations: true });
}

/** (#24) The link fields of an `entities` item: the entity id and its QID when it has one. */
function linkFieldsOf(entityId: string | undefined, entities: ExportEntities | undefined): { entity?: string; wikidata?: string } {
  if (!entityId) return {};
  const entity = exportEntityOf(entityId, entities);
  return { entity: entity.id, ...(entity.wikidata ? { wikidata: entity.wikidata } : {}) };
}

/** (#24) Entity links of the label variant, beside `label` (doccano ignores the field): `[start, end, entity id, QID or null]` in UTF-16 units. */
function entityLinksOf(spans: ReturnType<typeof checkDocument>['spans'], entities: ExportEntities | undefined): { entity_links?: [number, number, string, string | null][] } {
  const links = spans.flatMap((span) => {
    const entityId = span.annotation.entity;
    if (!entityId) return [];
    const entity = exportEntityOf(entityId, entities);
    return span.pieces.map((piece): [number, number, string, string | null] => [piece.start16, piece.end16, entity.id, entity.wikidata ?? null]);
  });
  return links.length > 0 ? { entity_links: links } : {};
}

/** (#21, fixed contract) Document labels beside the spans: `cats`, an object from dimension to value, as the file holds it. */
function catsOf(document: ExportDocument): { cats?: Record<string, string | string[] | number> } {
  return document.documentLabels && Object.keys(document.documentLabels).length > 0 ? { cats: document.documentLabels } : {};
}

function finish(outputs: readonly DocumentOutput[]): ExportFile[] {
  return [{ path: 'corpus.jsonl', content: outputs.map((output) => output.chunk).join(''), role: 'main' }];
}

export const jsonlFormat: FormatSerializer = {
  id: 'jsonl',
  title: TITLE,
  mainExtension: '.jsonl',
  offsetUnit: 'utf16',
  serializeDocument,
  finish,
  mainFileIsChunks: true,
};

export function serializeJsonl(documents: readonly ExportDocument[], options: SerializeOptions = {}): SerializedExport {
  return serializeWith(jsonlFormat, documents, options);
}
