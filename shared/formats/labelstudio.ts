import { checkDocument, documentOutput, omittedAttributes, omittedEvents, orderedTypes, splitDiscontinuous } from './checkedSpans';
import type { DocumentOutput, ExportDocument, ExportFile, FormatSerializer, SerializedExport, SerializeOptions } from './exportTypes';
import { serializeWith } from './serializeWith';
import { exportEntityOf, type ExportEntities } from '../entities/entityExportLinks';
import { documentLabelConfig, documentLabelResults, type DocumentLabelResult } from './documentFields/labelStudioChoices';

/**
 * Label Studio JSON: an array of tasks, `{"data": {"text", "article"}, "annotations": [{"result": [...]}]}`.
 * Each span is a `labels` result with `value: {start, end, text, labels}`; offsets are UTF-16
 * code units, as Label Studio's front end counts them. Notes go to the region's `meta.text`,
 * (#24) entity links to `meta.entity`, `meta.wikidata` and `meta.entity_name`,
 * relations to `relation` results. `label-config.xml` is a labelling config for the types.
 * (#21) Document labels are `choices`/`rating`/`textarea` results named by their dimension, and
 * the metadata fields (title, source, url, published, author) are `data` fields beside `text`.
 */
const TITLE = 'Label Studio JSON';
const FROM_NAME = 'label';
const TO_NAME = 'text';

interface LabelResult {
  id: string;
  from_name: string;
  to_name: string;
  type: 'labels';
  value: { start: number; end: number; text: string; labels: string[] };
  meta?: { text?: string[]; entity?: string; wikidata?: string; entity_name?: string };
}

interface RelationResult {
  type: 'relation';
  from_id: string;
  to_id: string;
  direction: 'right';
  labels: string[];
}

/**
 * (#24) A linked region's entity in its `meta`, which Label Studio imports and keeps with the
 * region as it is (the region panel shows `meta.text`; the other keys travel with the result):
 * `entity` (the registry id), `wikidata` (its QID, when it has one) and `entity_name`.
 */
function entityMeta(entityId: string, entities: ExportEntities | undefined): { entity: string; wikidata?: string; entity_name?: string } {
  const entity = exportEntityOf(entityId, entities);
  return { entity: entity.id, ...(entity.wikidata ? { wikidata: entity.wikidata } : {}), ...(entity.name !== '' ? { entity_name: entity.name } : {}) };
}

function serializeDocument(document: ExportDocument, options: SerializeOptions): DocumentOutput {
  const checked = checkDocument(document);
  const problems = [...splitDiscontinuous(checked.spans, TITLE), ...omittedAttributes(checked.spans, TITLE), ...omittedEvents(checked.spans, TITLE)];
  const results: (LabelResult | RelationResult | DocumentLabelResult)[] = [];
  for (const span of checked.spans) {
    span.pieces.forEach((piece, index) => {
      const result: LabelResult = {
        // Later pieces of a discontinuous span need ids of their own.
        id: index === 0 ? span.annotation.id : `${span.annotation.id}~${index + 1}`,
        from_name: FROM_NAME,
        to_name: TO_NAME,
        type: 'labels',
        value: { start: piece.start16, end: piece.end16, text: document.text.slice(piece.start16, piece.end16), labels: [span.annotation.type] },
      };
      if (span.annotation.note) result.meta = { text: [span.annotation.note] };
      if (span.annotation.entity) result.meta = { ...result.meta, ...entityMeta(span.annotation.entity, options.entities) };
      results.push(result);
    });
  }
  for (const relation of checked.relations) {
    results.push({ type: 'relation', from_id: relation.from, to_id: relation.to, direction: 'right', labels: [relation.type] });
  }
  // (#21) Document labels as choices (rating, textarea) on the whole text; metadata as data fields beside the text.
  results.push(...documentLabelResults(document.documentLabels, options.dimensions, TO_NAME));
  const task = { data: { ...document.metadata, text: document.text, article: document.id }, annotations: [{ result: results }] };
  return documentOutput(checked, { chunk: JSON.stringify(task), problems, writesRelations: true });
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function finish(outputs: readonly DocumentOutput[], options: SerializeOptions): ExportFile[] {
  const types = orderedTypes(options.types, outputs.flatMap((output) => output.entityTypes));
  const relationTypes = orderedTypes([], outputs.flatMap((output) => output.relationTypes));
  const config = [
    '<View>',
    `  <Labels name="${FROM_NAME}" toName="${TO_NAME}">`,
    ...types.map((type) => `    <Label value="${escapeXml(type)}"/>`),
    '  </Labels>',
    ...(relationTypes.length > 0 ? ['  <Relations>', ...relationTypes.map((type) => `    <Relation value="${escapeXml(type)}"/>`), '  </Relations>'] : []),
    `  <Text name="${TO_NAME}" value="$text"/>`,
    ...documentLabelConfig(options.dimensions, TO_NAME),
    '</View>',
    '',
  ].join('\n');
  const tasks = outputs.map((output) => output.chunk);
  return [
    { path: 'tasks.json', content: tasks.length === 0 ? '[]\n' : `[\n${tasks.join(',\n')}\n]\n`, role: 'main' },
    { path: 'label-config.xml', content: config, role: 'schema' },
  ];
}

export const labelStudioFormat: FormatSerializer = {
  id: 'labelstudio',
  title: TITLE,
  mainExtension: '.json',
  offsetUnit: 'utf16',
  serializeDocument,
  finish,
};

export function serializeLabelStudio(documents: readonly ExportDocument[], options: SerializeOptions = {}): SerializedExport {
  return serializeWith(labelStudioFormat, documents, options);
}
