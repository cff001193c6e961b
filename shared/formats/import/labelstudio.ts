import type { ImportedArticle, ImportedRelation, ImportedSpan, ImportProblem, ParseResult, SourceLocation } from './importTypes';
import { referenceOfFields } from '../../entities/entityExportLinks';
import { isRecord, readJsonArray, type JsonRecord } from './jsonRecords';
import { createSourceTextOffsets, type SourceOffsetUnit, type SourceTextOffsets } from './sourceOffsets';
import { numberedName } from './tokenizedArticles';
import type { DocumentLabels } from '../../documentLabels/judgmentFormat';
import { documentLabelsOfResults } from '../documentFields/labelStudioChoices';

/**
 * Label Studio JSON exports, one article a task:
 * - "JSON": `[{"data": {"text": ...}, "annotations": [{"result": [{"id", "type": "labels",
 *   "value": {"start", "end", "text", "labels": [...]}}, {"type": "relation", "from_id",
 *   "to_id", "labels"}, {"type": "choices", "value": {"choices": [...]}}]}]}]`;
 * - "JSON-MIN": `[{"text": ..., "label": [{"start", "end", "text", "labels": [...]}]}]`.
 * Only the first annotation of a task that was not cancelled is imported (an article holds
 * one set); the others, and predictions, are reported. Offsets are UTF-16 units (Label Studio
 * counts in JavaScript) and checked against each region's stated text.
 */
export interface LabelStudioOptions {
  file: string;
  baseName: string;
  offsetUnit?: SourceOffsetUnit;
  /** The task's data field holding the text; default `text`, else its first string field. */
  textField?: string;
}

function findText(data: Record<string, unknown>, textField: string | undefined): string | null {
  if (textField) return typeof data[textField] === 'string' ? (data[textField] as string) : null;
  if (typeof data.text === 'string') return data.text;
  const first = Object.values(data).find((value) => typeof value === 'string');
  return typeof first === 'string' ? first : null;
}

interface TaskContext {
  here: SourceLocation;
  offsets: SourceTextOffsets;
  unit: SourceOffsetUnit;
  spans: ImportedSpan[];
  relations: ImportedRelation[];
  labels: string[];
  idsByRegion: Map<string, string[]>;
  skipped: ImportProblem[];
  warnings: ImportProblem[];
  /** Malformed results: any one refuses the whole task (#22), so no text comes in without its labels. */
  malformed: ImportProblem[];
  /** (#21) Results on the whole text named by a dimension (choices, rating, textarea): the document labels. */
  documentResults: unknown[];
}

function addRegion(context: TaskContext, where: string, regionId: unknown, value: Record<string, unknown>, meta: unknown): void {
  // (#24) The region's entity link, in its meta as Hashiye's export writes it.
  const link = isRecord(meta) ? referenceOfFields(meta.entity, meta.wikidata) : undefined;
  const types = Array.isArray(value.labels) ? value.labels : Array.isArray(value.hypertextlabels) ? value.hypertextlabels : [];
  if (value.start === undefined || typeof value.start === 'string') {
    context.malformed.push({ ...context.here, reason: `${where}: region without numeric start/end (an HTML/XPath region?)`, why: { code: 'lsRegionNotNumeric', where } });
    return;
  }
  const stated = typeof value.text === 'string' ? value.text : undefined;
  const resolved = context.offsets.resolve(value.start, value.end, context.unit, stated);
  if (!resolved.ok) {
    context.malformed.push({ ...context.here, reason: `${where}: ${resolved.reason}`, why: { ...resolved.why, where } });
    return;
  }
  if (resolved.warning) context.warnings.push({ ...context.here, reason: `${where}: ${resolved.warning}`, ...(resolved.warningWhy ? { why: { ...resolved.warningWhy, where } } : {}) });
  const typeNames = types.filter((type): type is string => typeof type === 'string' && type !== '');
  if (typeNames.length === 0 || typeNames.length !== types.length) {
    context.malformed.push({ ...context.here, reason: `${where}: region has no label, or a label that is not a name`, why: { code: 'lsRegionNoLabel', where } });
    return;
  }
  for (const type of typeNames) {
    const id = `T${context.spans.length + 1}`;
    context.spans.push({ id, type, start: resolved.start, end: resolved.end, ...(link ? { link } : {}) });
    if (regionId !== undefined) {
      const key = String(regionId);
      context.idsByRegion.set(key, [...(context.idsByRegion.get(key) ?? []), id]);
    }
  }
}

function importResults(context: TaskContext, results: unknown[], field: string): void {
  const pendingRelations: Array<{ where: string; item: Record<string, unknown> }> = [];
  const pendingNotes: Array<{ where: string; item: Record<string, unknown> }> = [];
  results.forEach((item, index) => {
    const where = `${field}[${index}]`;
    if (!isRecord(item)) {
      context.malformed.push({ ...context.here, reason: `${where}: not an object`, why: { code: 'lsResultNotObject', where } });
      return;
    }
    const value = isRecord(item.value) ? item.value : item;
    if (item.type === 'relation') pendingRelations.push({ where, item });
    else if ((item.type === 'choices' || item.type === 'rating') && isWholeTextResult(item)) context.documentResults.push(item);
    else if (item.type === 'choices' || Array.isArray(value.choices)) {
      for (const choice of Array.isArray(value.choices) ? value.choices : []) if (typeof choice === 'string') context.labels.push(choice);
    } else if (item.type === 'textarea' && item.id !== undefined) pendingNotes.push({ where, item });
    else if (value.start !== undefined || Array.isArray(value.labels)) addRegion(context, where, item.id, value, item.meta);
    else context.skipped.push({ ...context.here, reason: `${where}: result of type ${JSON.stringify(item.type)} is not imported`, why: { code: 'lsResultTypeNotImported', where, type: String(JSON.stringify(item.type)) } });
  });
  for (const { where, item } of pendingNotes) {
    // (#21) A text area on no region, named by a dimension: a free-text document label.
    if (!context.idsByRegion.has(String(item.id)) && isWholeTextResult(item)) {
      context.documentResults.push(item);
      continue;
    }
    const value = isRecord(item.value) ? item.value : {};
    const text = Array.isArray(value.text) ? value.text.filter((line) => typeof line === 'string').join('\n') : typeof value.text === 'string' ? value.text : '';
    const targets = context.idsByRegion.get(String(item.id)) ?? [];
    if (targets.length === 0 || text === '') {
      context.malformed.push({ ...context.here, reason: `${where}: text area not attached to an imported region`, why: { code: 'lsNoteUnattached', where } });
      continue;
    }
    for (const span of context.spans) if (targets.includes(span.id)) span.note = text;
  }
  for (const { where, item } of pendingRelations) {
    const from = context.idsByRegion.get(String(item.from_id))?.[0];
    const to = context.idsByRegion.get(String(item.to_id))?.[0];
    if (!from || !to) {
      context.malformed.push({ ...context.here, reason: `${where}: relation between regions that were not imported`, why: { code: 'lsRelationUnattached', where } });
      continue;
    }
    const names = Array.isArray(item.labels) ? item.labels.filter((label): label is string => typeof label === 'string' && label !== '') : [];
    const [source, target] = item.direction === 'left' ? [to, from] : [from, to];
    for (const type of names.length > 0 ? names : ['related']) {
      context.relations.push({ id: `R${context.relations.length + 1}`, type, from: source, to: target });
    }
  }
}

/** (#21) A result on the whole text that names its control (`from_name`): a document label, not a region's (labelStudioChoices.ts). */
function isWholeTextResult(item: Record<string, unknown>): boolean {
  const value = isRecord(item.value) ? item.value : null;
  return value !== null && typeof item.from_name === 'string' && item.from_name !== '' && value.start === undefined;
}

/** The results of a JSON-MIN task: the first list of objects with start and end. */
function minimalResults(task: Record<string, unknown>): { field: string; results: unknown[] } | null {
  for (const [field, value] of Object.entries(task)) {
    if (Array.isArray(value) && value.some((item) => isRecord(item) && item.start !== undefined && item.end !== undefined)) {
      return { field, results: value.map((item) => (isRecord(item) ? { type: 'labels', id: item.id, value: item } : item)) };
    }
  }
  return null;
}

function importTask(record: JsonRecord, index: number, count: number, options: LabelStudioOptions, skipped: ImportProblem[], warnings: ImportProblem[]): ImportedArticle | null {
  const here = { file: options.file, line: record.line };
  if (!isRecord(record.value)) {
    skipped.push({ ...here, reason: 'the task is not a JSON object; task skipped', why: { code: 'recordNotObject' } });
    return null;
  }
  const task = record.value;
  const data = isRecord(task.data) ? task.data : task;
  const text = findText(data, options.textField);
  if (text === null) {
    skipped.push({ ...here, reason: `task ${JSON.stringify(task.id ?? index + 1)} has no text in its data; task skipped`, why: { code: 'lsTaskNoText', task: String(JSON.stringify(task.id ?? index + 1)) } });
    return null;
  }
  const offsets = createSourceTextOffsets(text);
  const context: TaskContext = {
    here, offsets, unit: options.offsetUnit ?? 'utf16', spans: [], relations: [], labels: [], idsByRegion: new Map(), skipped, warnings, malformed: [], documentResults: [],
  };
  if (Array.isArray(task.annotations)) {
    const annotations = task.annotations.filter(isRecord);
    const chosen = annotations.find((annotation) => annotation.was_cancelled !== true);
    for (const annotation of annotations) {
      if (annotation === chosen) continue;
      const cancelled = annotation.was_cancelled === true;
      const [id, by] = [String(JSON.stringify(annotation.id ?? '?')), String(JSON.stringify(annotation.completed_by ?? '?'))];
      const why = cancelled ? 'was cancelled' : 'is not the first (an article holds one annotation set)';
      skipped.push({ ...here, reason: `annotation ${id} by ${by} ${why}; not imported`, why: { code: cancelled ? 'lsAnnotationCancelled' : 'lsAnnotationNotFirst', id, by } });
    }
    if (chosen && Array.isArray(chosen.result)) importResults(context, chosen.result, 'result');
    else if (chosen) context.malformed.push({ ...here, reason: 'result is not a list', why: { code: 'lsResultsNotList' } });
  } else {
    const minimal = minimalResults(task);
    if (minimal) importResults(context, minimal.results, minimal.field);
  }
  if (context.malformed.length > 0) {
    skipped.push(...context.malformed, { ...here, reason: 'the task holds something malformed; nothing of it was imported', why: { code: 'recordRefused' } });
    return null;
  }
  if (Array.isArray(task.predictions) && task.predictions.length > 0) {
    skipped.push({ ...here, reason: `${task.predictions.length} prediction(s) not imported (only annotations are)`, why: { code: 'lsPredictions', count: task.predictions.length } });
  }
  return {
    name: numberedName(options.baseName, index, count),
    text: offsets.documentText,
    spans: context.spans,
    relations: context.relations,
    labels: context.labels,
    ...documentLabelsOf(context.documentResults),
    origin: here,
  };
}

function documentLabelsOf(results: readonly unknown[]): { documentLabels?: DocumentLabels } {
  const labels = documentLabelsOfResults(results);
  return Object.keys(labels).length > 0 ? { documentLabels: labels } : {};
}

export function parseLabelStudio(content: string, options: LabelStudioOptions): ParseResult {
  const { records, skipped } = readJsonArray(content, options.file);
  const warnings: ImportProblem[] = [];
  const articles: ImportedArticle[] = [];
  records.forEach((record, index) => {
    const article = importTask(record, index, records.length, options, skipped, warnings);
    if (article) articles.push(article);
  });
  return { articles, skipped, warnings };
}
