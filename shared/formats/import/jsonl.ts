import type { ImportedArticle, ImportedRelation, ImportedSpan, ImportProblem, ParseResult, SourceLocation } from './importTypes';
import { referenceOfFields, type BratEntityReference } from '../../entities/entityExportLinks';
import { isRecord, readJsonRecords, type JsonRecord } from './jsonRecords';
import { createSourceTextOffsets, type ResolvedOffsets, type SourceOffsetUnit } from './sourceOffsets';
import { numberedName } from './tokenizedArticles';

/**
 * doccano JSONL, one article a record:
 * - sequence labelling: `{"text", "label": [[start, end, "TYPE"], ...]}`;
 * - relation extraction: `{"text", "entities": [{"id", "start_offset", "end_offset", "label"}],
 *   "relations": [{"from_id", "to_id", "type"}]}`;
 * - text classification: `"label": ["TYPE", ...]` (document labels).
 * (#24) An `entities` item's `entity` / `wikidata` fields are its entity link; in the label
 * variant, `entity_links: [[start, end, entity, qid]]` beside `label` links the span with those offsets.
 * The text may be under `text`, `data` or doccano's default custom name `column_data` (labels
 * under `label`, `labels`, `entities` or `column_label`), or names given in the options.
 * Offsets are UTF-16 units by default (doccano's front end counts them), code points on request.
 */
export interface JsonlOptions {
  file: string;
  baseName: string;
  offsetUnit?: SourceOffsetUnit;
  textField?: string;
  labelField?: string;
}

/** (#21) doccano `cats`: dimension → string, list of strings or number; anything else in it is not a document label. */
function catsOf(cats: unknown): Record<string, string | string[] | number> | null {
  if (!isRecord(cats)) return null;
  const labels: Record<string, string | string[] | number> = {};
  for (const [dimension, value] of Object.entries(cats)) {
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) labels[dimension] = value;
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) labels[dimension] = value as string[];
  }
  return Object.keys(labels).length > 0 ? labels : null;
}

const TEXT_FIELDS = ['text', 'data', 'column_data'];
const LABEL_FIELDS = ['label', 'labels', 'entities', 'column_label'];

function firstField(record: Record<string, unknown>, preferred: string | undefined, names: readonly string[]): { name: string; value: unknown } | null {
  for (const name of preferred ? [preferred] : names) {
    if (record[name] !== undefined) return { name, value: record[name] };
  }
  return null;
}

interface RawSpan {
  sourceId: unknown;
  start: unknown;
  end: unknown;
  type: unknown;
  /** (#24) The item's entity link (`entity`, `wikidata`), as Hashiye's export writes it. */
  link?: BratEntityReference;
}

function readRawSpan(entry: unknown): RawSpan | null {
  if (Array.isArray(entry) && entry.length >= 3) return { sourceId: undefined, start: entry[0], end: entry[1], type: entry[2] };
  if (isRecord(entry)) {
    return {
      sourceId: entry.id,
      start: entry.start_offset ?? entry.start,
      end: entry.end_offset ?? entry.end,
      type: entry.label ?? entry.type,
      link: referenceOfFields(entry.entity, entry.wikidata),
    };
  }
  return null;
}

/** doccano's relations between the record's entities; a malformed one goes to `malformed`. */
function readRelations(rawRelations: unknown, idsBySource: ReadonlyMap<string, string>, here: SourceLocation, malformed: ImportProblem[]): ImportedRelation[] {
  const relations: ImportedRelation[] = [];
  if (!Array.isArray(rawRelations)) return relations;
  rawRelations.forEach((entry: unknown, relationIndex) => {
    const from = isRecord(entry) ? idsBySource.get(String(entry.from_id)) : undefined;
    const to = isRecord(entry) ? idsBySource.get(String(entry.to_id)) : undefined;
    const type = isRecord(entry) ? (entry.type ?? entry.label) : undefined;
    if (!from || !to || typeof type !== 'string' || type === '') {
      malformed.push({ ...here, reason: `relations[${relationIndex}]: needs from_id and to_id of imported entities and a type`, why: { code: 'jsonlRelationIncomplete', where: `relations[${relationIndex}]` } });
      return;
    }
    relations.push({ id: `R${relations.length + 1}`, type, from, to });
  });
  return relations;
}

type ResolveOffsets = (start: unknown, end: unknown) => ResolvedOffsets;

/**
 * (#24) The label variant's `entity_links`, as Hashiye's export writes them: each `[start, end,
 * entity, qid]` links the first span of `label` with those offsets that is not linked yet (the
 * export lists links in the order of the spans). A link naming no span, or not of that shape,
 * refuses the record like any other malformed part.
 */
function readLabelEntityLinks(rawLinks: unknown, spans: ImportedSpan[], resolve: ResolveOffsets, here: SourceLocation, malformed: ImportProblem[]): void {
  if (rawLinks === undefined) return;
  const entries: unknown[] = Array.isArray(rawLinks) ? rawLinks : [rawLinks];
  entries.forEach((entry, index) => {
    const where = `entity_links[${index}]`;
    const resolved = Array.isArray(entry) && entry.length >= 3 ? resolve(entry[0], entry[1]) : null;
    const link = Array.isArray(entry) ? referenceOfFields(entry[2], entry[3]) : undefined;
    const span = resolved?.ok && link ? spans.find((candidate) => candidate.start === resolved.start && candidate.end === resolved.end && !candidate.link) : undefined;
    if (!span || !link) {
      malformed.push({ ...here, reason: `${where}: not [start, end, entity, qid] naming a span of the record`, why: { code: 'jsonlEntityLinkUnmatched', where } });
      return;
    }
    span.link = link;
  });
}

function importRecord(record: JsonRecord, index: number, count: number, options: JsonlOptions, skipped: ImportProblem[]): ImportedArticle | null {
  const { file } = options;
  const here = { file, line: record.line };
  if (!isRecord(record.value)) {
    skipped.push({ ...here, reason: 'the record is not a JSON object; record skipped', why: { code: 'recordNotObject' } });
    return null;
  }
  const textField = firstField(record.value, options.textField, TEXT_FIELDS);
  if (!textField || typeof textField.value !== 'string') {
    const fields = options.textField ?? TEXT_FIELDS.join(', ');
    skipped.push({ ...here, reason: `no text (field ${fields}); record skipped`, why: { code: 'jsonlNoText', fields } });
    return null;
  }
  const offsets = createSourceTextOffsets(textField.value);
  const labelField = firstField(record.value, options.labelField, LABEL_FIELDS);
  const entries: unknown[] = labelField === null ? [] : Array.isArray(labelField.value) ? labelField.value : [];
  // A record is imported whole or not at all: any malformed part refuses it (#22), so no text
  // comes in without the labels its file gave it.
  const malformed: ImportProblem[] = [];
  if (labelField !== null && !Array.isArray(labelField.value)) {
    malformed.push({ ...here, reason: `field "${labelField.name}" is not a list`, why: { code: 'jsonlLabelsNotList', field: labelField.name } });
  }
  const spans: ImportedSpan[] = [];
  const labels: string[] = [];
  const idsBySource = new Map<string, string>();
  entries.forEach((entry, entryIndex) => {
    const where = `${labelField?.name ?? 'label'}[${entryIndex}]`;
    if (typeof entry === 'string') {
      labels.push(entry);
      return;
    }
    const raw = readRawSpan(entry);
    if (!raw || typeof raw.type !== 'string' || raw.type === '') {
      malformed.push({ ...here, reason: `${where}: not a span [start, end, "TYPE"]`, why: { code: 'jsonlNotSpan', where } });
      return;
    }
    const resolved = offsets.resolve(raw.start, raw.end, options.offsetUnit ?? 'utf16');
    if (!resolved.ok) {
      malformed.push({ ...here, reason: `${where} (${raw.type}): ${resolved.reason}`, why: { ...resolved.why, where } });
      return;
    }
    const id = `T${spans.length + 1}`;
    if (raw.sourceId !== undefined) idsBySource.set(String(raw.sourceId), id);
    spans.push({ id, type: raw.type, start: resolved.start, end: resolved.end, ...(raw.link ? { link: raw.link } : {}) });
  });
  if (labelField?.name !== 'entities') readLabelEntityLinks(record.value.entity_links, spans, (start, end) => offsets.resolve(start, end, options.offsetUnit ?? 'utf16'), here, malformed);
  const relations = readRelations(record.value.relations, idsBySource, here, malformed);
  if (malformed.length > 0) {
    skipped.push(...malformed, { ...here, reason: 'the record holds something malformed; nothing of it was imported', why: { code: 'recordRefused' } });
    return null;
  }
  const documentLabels = isRecord(record.value) ? catsOf(record.value.cats) : null;
  return { name: numberedName(options.baseName, index, count), text: offsets.documentText, spans, relations, labels, ...(documentLabels ? { documentLabels } : {}), origin: here };
}

export function parseJsonl(content: string, options: JsonlOptions): ParseResult {
  const { records, skipped } = readJsonRecords(content, options.file);
  const articles: ImportedArticle[] = [];
  records.forEach((record, index) => {
    const article = importRecord(record, index, records.length, options, skipped);
    if (article) articles.push(article);
  });
  return { articles, skipped, warnings: [] };
}
