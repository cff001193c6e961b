import type { AttributeValueSchema, StoredRelation } from '../model/nativeFormat';
import type { z } from 'zod';
import { buildReport, checkDocument, orderedTypes, type CheckedSpan, type SpanPiece } from './checkedSpans';
import { spanWords } from './problemSpans';
import type { DocumentOutput, DocumentReport, ExportDocument, ExportFile, ExportProblem, FormatSerializer, SerializedExport, SerializeOptions } from './exportTypes';
import { serializeWith } from './serializeWith';
import { exportFromStandoffSource } from '../brat/standoffExport';
import { eventRolesOf } from '../relations/relationOperations';
import { configurationPath, configurationsInUse } from '../brat/confPlacement';
import { bratReferenceOf, exportEntityOf, type ExportEntities } from '../entities/entityExportLinks';

/**
 * brat standoff: for each article `NAME.txt` (the document text, UTF-8, LF) and `NAME.ann`, plus
 * one `annotation.conf` declaring the types. Offsets are code points, as brat counts them.
 * - `T` lines keep the annotation's id when it is already a brat id (T12), so a brat corpus
 *   exports to identical T lines; other ids get the next free number.
 * - A discontinuous span is `start end;start end`, its text the fragments joined by a space.
 * - brat's T line cannot hold a line end: a span crossing one is written as fragments split at
 *   the line ends (what brat itself does), reported as `changed`.
 * - Notes are `#` AnnotatorNotes lines, relations `R` lines, attributes `A` lines, an event
 *   (a trigger annotation with `roles`) an `E` line.
 * An article of a brat corpus (`bratSource`) is instead patched onto its own `.ann`, and each
 * folder's `annotation.conf` is written where it was (`bratConfigurations`): exporting a brat
 * corpus nobody edited gives back every `.ann` and `annotation.conf` byte for byte (DESIGN.md).
 */
const TITLE = 'brat';
const BRAT_ID = /^([TRAE#])([1-9][0-9]*)$/;

type AttributeValue = z.infer<typeof AttributeValueSchema>;

/** Hands out brat ids: an existing one when it is a valid unused brat id, else the next free number. */
class BratIds {
  private readonly used = new Set<string>();
  private next = 1;

  constructor(private readonly prefix: string, existing: readonly string[]) {
    for (const id of existing) {
      const match = BRAT_ID.exec(id);
      if (match && match[1] === prefix) this.next = Math.max(this.next, Number(match[2]) + 1);
    }
  }

  take(preferred: string | null): string {
    const match = preferred === null ? null : BRAT_ID.exec(preferred);
    if (preferred !== null && match && match[1] === this.prefix && !this.used.has(preferred)) {
      this.used.add(preferred);
      return preferred;
    }
    let id = `${this.prefix}${this.next++}`;
    while (this.used.has(id)) id = `${this.prefix}${this.next++}`;
    this.used.add(id);
    return id;
  }
}

/** brat names (types, attributes) hold no whitespace. */
function bratName(name: string, what: string, problems: ExportProblem[], annotation: string): string {
  if (!/\s/.test(name)) return name;
  const renamed = name.replace(/\s+/g, '_');
  problems.push({ kind: 'type-renamed', effect: 'changed', annotation, message: `The ${what} «${name}» holds whitespace, which brat does not allow; written as «${renamed}».` });
  return renamed;
}

/** Splits pieces at line ends (brat's T lines are single lines), leaving the line ends out. */
function splitAtLineEnds(text: string, pieces: readonly SpanPiece[]): { start: number; end: number; text: string }[] {
  const result: { start: number; end: number; text: string }[] = [];
  for (const piece of pieces) {
    const covered = text.slice(piece.start16, piece.end16);
    if (!covered.includes('\n')) {
      result.push({ start: piece.start, end: piece.end, text: covered });
      continue;
    }
    let codePoint = piece.start;
    for (const line of covered.split('\n')) {
      const length = Array.from(line).length;
      if (length > 0) result.push({ start: codePoint, end: codePoint + length, text: line });
      codePoint += length + 1;
    }
  }
  return result;
}

function attributeLine(value: AttributeValue): string | null {
  if (value === true) return '';
  if (value === false) return null;
  return String(value);
}

/** `news/001.txt` → `news/001`. */
export function bratBaseName(articleId: string): string {
  return articleId.toLowerCase().endsWith('.txt') ? articleId.slice(0, -4) : articleId;
}

/** The lines of one article's `NAME.ann` as they are written, with the ids brat gives them and what the format changed or lost. */
class StandoffWriter {
  readonly problems: ExportProblem[] = [];
  readonly lines: string[] = [];
  readonly notes: string[] = [];
  readonly attributeNames: string[] = [];
  readonly entityTypes: string[] = [];
  readonly relationTypes: string[] = [];
  readonly eventTypes: string[] = [];
  written = 0;
  private readonly textIds: BratIds;
  private readonly relationIds: BratIds;
  private readonly attributeIds = new BratIds('A', []);
  private readonly noteIds = new BratIds('#', []);
  private readonly normalizationIds = new BratIds('N', []);
  private readonly eventIds = new BratIds('E', []);
  private readonly bratIdOf = new Map<string, string>();

  constructor(
    private readonly document: ExportDocument,
    private readonly entities?: ExportEntities,
  ) {
    // New ids start after every id the article uses, exported or not, so none is reused.
    this.textIds = new BratIds('T', document.annotations.map((annotation) => annotation.id));
    this.relationIds = new BratIds('R', document.relations.map((relation) => relation.id));
  }

  /** A T line (fragments split at line ends), its A lines and its note. */
  addEntity(span: CheckedSpan): void {
    const { annotation } = span;
    const problems = this.problems;
    const fragments = splitAtLineEnds(this.document.text, span.pieces);
    if (fragments.length === 0) {
      problems.push({ kind: 'crosses-line', effect: 'lost', annotation: annotation.id, message: `${spanWords(annotation)} covers only line ends, which a brat T line cannot hold; not exported.` });
      return;
    }
    const id = this.textIds.take(annotation.id);
    this.bratIdOf.set(annotation.id, id);
    this.written++;
    const type = bratName(annotation.type, 'type', problems, annotation.id);
    this.entityTypes.push(type);
    if (fragments.length !== span.pieces.length || fragments.some((fragment, index) => fragment.start !== span.pieces[index]?.start || fragment.end !== span.pieces[index]?.end)) {
      problems.push({ kind: 'crosses-line', effect: 'changed', annotation: annotation.id, message: `${spanWords(annotation)} crosses a line end; brat needs it written as fragments split at the line ends.` });
    }
    const offsets = fragments.map((fragment) => `${fragment.start} ${fragment.end}`).join(';');
    this.lines.push(`${id}\t${type} ${offsets}\t${fragments.map((fragment) => fragment.text).join(' ')}`);
    for (const [name, value] of Object.entries(annotation.attributes ?? {})) {
      const suffix = attributeLine(value);
      if (suffix === null) continue;
      const attributeName = bratName(name, 'attribute name', problems, annotation.id);
      const attributeValue = bratName(suffix, 'attribute value', problems, annotation.id);
      this.attributeNames.push(attributeValue === '' ? attributeName : `${attributeName}\t${attributeValue}`);
      this.lines.push(`${this.attributeIds.take(null)}\t${attributeName} ${id}${attributeValue === '' ? '' : ` ${attributeValue}`}`);
    }
    if (annotation.note) this.addNote(id, annotation.note, annotation.id);
    // (#24) The entity link as a brat normalization: `Wikidata:Q…` when the entity has a QID, else the local database `Hashiye` and its id (docs/entities.md).
    if (annotation.entity) this.notes.push(`${this.normalizationIds.take(null)}\tReference ${id} ${bratReferenceOf(exportEntityOf(annotation.entity, this.entities))}\t${annotation.text.replace(/[\r\n\t]+/g, ' ')}`);
  }

  /** An R line between two written T lines, and its note. */
  addRelation(relation: StoredRelation): void {
    const from = this.bratIdOf.get(relation.from);
    const to = this.bratIdOf.get(relation.to);
    if (from === undefined || to === undefined) {
      this.problems.push({ kind: 'relation-dangling', effect: 'omitted', annotation: relation.id, message: `A ${relation.type} relation links an annotation brat cannot hold; not exported.` });
      return;
    }
    const id = this.relationIds.take(relation.id);
    const type = bratName(relation.type, 'relation type', this.problems, relation.id);
    this.relationTypes.push(type);
    this.lines.push(`${id}\t${type} Arg1:${from} Arg2:${to}`);
    if (relation.note) this.addNote(id, relation.note, relation.id);
  }

  /** An E line for a trigger with roles (#20), when the trigger and every argument were written as T lines. */
  addEvent(span: CheckedSpan): void {
    const roles = eventRolesOf(span.annotation);
    const trigger = this.bratIdOf.get(span.annotation.id);
    if (roles.length === 0 || trigger === undefined) return;
    const args = roles.map((role) => ({ role: role.role, ref: this.bratIdOf.get(role.target) }));
    if (args.some((argument) => argument.ref === undefined || /[\s:]/.test(argument.role))) {
      this.problems.push({ kind: 'events-omitted', effect: 'omitted', annotation: span.annotation.id, message: `The event of ${spanWords(span.annotation)} has a role filled by an annotation brat cannot hold, or a role name it cannot write; not exported.` });
      return;
    }
    const type = bratName(span.annotation.type, 'event type', this.problems, span.annotation.id);
    this.eventTypes.push(type);
    this.lines.push(`${this.eventIds.take(null)}\t${[`${type}:${trigger}`, ...args.map((argument) => `${argument.role}:${argument.ref}`)].join(' ')}`);
  }

  /** A `#` AnnotatorNotes line, on one line (brat notes cannot hold line ends). */
  private addNote(target: string, note: string, owner: string): void {
    let flat = note;
    if (/[\r\n]/.test(note)) {
      flat = note.replace(/\r?\n|\r/g, ' ');
      this.problems.push({ kind: 'note-flattened', effect: 'changed', annotation: owner, message: `A note has line ends, which brat notes cannot hold; written on one line.` });
    }
    this.notes.push(`${this.noteIds.take(null)}\tAnnotatorNotes ${target}\t${flat}`);
  }

  /** The file's text: the T, A and R lines, then the notes. */
  text(): string {
    return [...this.lines, ...this.notes].map((line) => `${line}\n`).join('');
  }
}

/**
 * An article of a brat corpus, patched onto its `.ann`: every line the annotations do not change
 * keeps its bytes. Null when they cannot be laid onto it (then the file is written anew).
 */
function serializeFromSource(document: ExportDocument, source: string): DocumentOutput | null {
  // The reader's notes about lines the app does not show, or text fields that differ from the
  // article, do not apply here: those lines are written as they were.
  const sourceProblems = (document.sourceProblems ?? []).filter((problem) => problem.kind !== 'source-line' && problem.kind !== 'text-mismatch');
  const checked = checkDocument({ ...document, sourceProblems });
  const exported = exportFromStandoffSource({ source, text: document.text, annotations: checked.spans.map((span) => span.annotation), relations: checked.relations });
  if (exported === null) return null;
  return articleOutput(document, exported.content, buildReport(checked, checked.spans.length, []), exported);
}

/** An article's NAME.txt and NAME.ann, its report, and the types its .ann uses (for a made-up annotation.conf). */
function articleOutput(document: ExportDocument, ann: string, report: DocumentReport, types: Pick<DocumentOutput, 'entityTypes' | 'relationTypes' | 'eventTypes' | 'attributeNames'>): DocumentOutput {
  const base = bratBaseName(document.id);
  return {
    article: document.id,
    chunk: '',
    files: [
      { path: `${base}.txt`, content: document.text, role: 'document' },
      { path: `${base}.ann`, content: ann, role: 'document' },
    ],
    report,
    entityTypes: types.entityTypes,
    relationTypes: types.relationTypes,
    eventTypes: types.eventTypes,
    attributeNames: types.attributeNames,
  };
}

function serializeDocument(document: ExportDocument, options: SerializeOptions): DocumentOutput {
  if (document.bratSource !== undefined) {
    const fromSource = serializeFromSource(document, document.bratSource);
    if (fromSource) return fromSource;
  }
  const checked = checkDocument(document);
  const writer = new StandoffWriter(document, options.entities);
  for (const span of checked.spans) writer.addEntity(span);
  for (const relation of checked.relations) writer.addRelation(relation);
  for (const span of checked.spans) writer.addEvent(span);
  return articleOutput(document, writer.text(), buildReport(checked, writer.written, writer.problems), writer);
}

/** annotation.conf for the types used (the tag set's first), allowing any overlap as our data has. */
export function bratAnnotationConf(entityTypes: readonly string[], relationTypes: readonly string[], attributeNames: readonly string[], eventTypes: readonly string[] = []): string {
  const attributes = new Map<string, Set<string>>();
  for (const entry of attributeNames) {
    const [name, value] = entry.split('\t');
    const values = attributes.get(name) ?? new Set<string>();
    if (value !== undefined) values.add(value);
    attributes.set(name, values);
  }
  const lines = [
    '# Written by Hashiye. Types in the tag set order, then others found in the articles.',
    '[entities]',
    ...entityTypes,
    '',
    '[relations]',
    ...relationTypes.map((type) => `${type}\tArg1:<ENTITY>, Arg2:<ENTITY>`),
    '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    '',
    '[events]',
    ...eventTypes,
    '',
    '[attributes]',
    ...[...attributes].map(([name, values]) => (values.size === 0 ? `${name}\tArg:<ENTITY>` : `${name}\tArg:<ENTITY>, Value:${[...values].sort().join('|')}`)),
    '',
  ];
  return lines.join('\n');
}

/** One `annotation.conf` declaring what the outputs use (the tag set's types first). */
function madeUpConf(outputs: readonly DocumentOutput[], options: SerializeOptions): ExportFile {
  const entityTypes = orderedTypes(options.types?.map((type) => type.replace(/\s+/g, '_')), outputs.flatMap((output) => output.entityTypes));
  const relationTypes = orderedTypes([], outputs.flatMap((output) => output.relationTypes));
  const attributeNames = orderedTypes([], outputs.flatMap((output) => output.attributeNames));
  const eventTypes = orderedTypes([], outputs.flatMap((output) => output.eventTypes ?? []));
  return { path: 'annotation.conf', content: bratAnnotationConf(entityTypes, relationTypes, attributeNames, eventTypes), role: 'schema' };
}

/**
 * From a brat corpus: each folder's own `annotation.conf` that governs an exported article, at
 * its path and as it was; articles none governs get one made up in the export's top folder
 * (brat looks up the folders, so it applies to them only). Otherwise one made-up file.
 */
function finish(outputs: readonly DocumentOutput[], options: SerializeOptions): ExportFile[] {
  const configurations = options.bratConfigurations;
  if (configurations === undefined) return [madeUpConf(outputs, options)];
  const { used, ungoverned } = configurationsInUse(outputs.map((output) => output.article), configurations);
  const files: ExportFile[] = used.map((configuration) => ({ path: configurationPath(configuration.folder), content: configuration.content, role: 'schema' }));
  if (ungoverned.length > 0) {
    const lacking = new Set(ungoverned);
    files.push(madeUpConf(outputs.filter((output) => lacking.has(output.article)), options));
  }
  return files;
}

export const bratFormat: FormatSerializer = {
  id: 'brat',
  title: TITLE,
  mainExtension: null,
  offsetUnit: 'codepoint',
  serializeDocument,
  finish,
};

export function serializeBrat(documents: readonly ExportDocument[], options: SerializeOptions = {}): SerializedExport {
  return serializeWith(bratFormat, documents, options);
}
