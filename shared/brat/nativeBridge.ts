import type { StoredAnnotation, StoredRelation } from '../model/nativeFormat';
import { quoteAround } from '../anchoring/quote';
import { addEntity, addRelation, changeEntitySpan, changeRelation, findLineIndex, removeAnnotation, restoreLines, retagEntity, StandoffEditError, type RemovedLine, type StandoffDocument } from './standoffDocument';
import { attributesOf, noteOf, setAttributes, setNote, type AttributeValue } from './standoffNotesAndAttributes';
import { definedId, referencedIds, type EntityLine, type RelationLine, type SpanFragment } from './standoffLine';
import { applyEventRoles, shownEvents } from './eventBridge';

/**
 * brat line patching: between a brat standoff document and the native annotation form the UI edits.
 *
 * Reading (`standoffToNative`): T lines become annotations (id = the T id, `fragments` for
 * discontinuous spans, the text taken from the article), binary R lines between two shown entities
 * become relations, AnnotatorNotes become `note` and A/M lines `attributes`.
 *
 * Saving (`applyNativeChanges`): compares what the window holds with the lines of the `.ann` file
 * and patches only the lines that changed: a changed entity's line is rewritten in place, a new one
 * appended with the next free id, a deleted one removed with the lines that refer to it. Every
 * other line (E, N, `*`, other notes, unknown lines, odd whitespace) keeps its bytes, which is what
 * makes saving an unedited brat corpus byte-identical.
 */

export interface TextMismatch {
  id: string;
  /** The text field as written in the .ann file. */
  written: string;
  /** What the article holds at the line's offsets (fragments joined by one space). */
  article: string;
}

export interface UnshownLine {
  /** 1-based line number in the .ann file. */
  line: number;
  id: string | null;
  reason: string;
}

export interface NativeView {
  annotations: StoredAnnotation[];
  relations: StoredRelation[];
  /** Entities whose text field differs from the article (kept as written in the file). */
  mismatches: TextMismatch[];
  /** Lines that are neither shown nor understood as something a save may touch. */
  unshown: UnshownLine[];
}

function sliceText(codePoints: readonly string[], fragments: readonly SpanFragment[]): string {
  return fragments.map((fragment) => codePoints.slice(fragment.start, fragment.end).join('')).join(' ');
}

function isShowable(line: EntityLine, length: number): boolean {
  return line.fragments.every((fragment) => fragment.end <= length);
}

function relationEnds(line: RelationLine): { from: string; to: string } | null {
  if (line.args.length !== 2) return null;
  const first = line.args.find((argument) => argument.role === 'Arg1') ?? line.args[0];
  const second = line.args.find((argument) => argument.role === 'Arg2') ?? line.args[1];
  return first === second ? null : { from: first.ref, to: second.ref };
}

/** The ids of entities that are shown to the user: those whose spans lie inside the article. */
export function shownEntityIds(document: StandoffDocument, length: number): Set<string> {
  const ids = new Set<string>();
  for (const line of document.lines) if (line.kind === 'entity' && isShowable(line, length)) ids.add(line.id);
  return ids;
}

function shownRelations(document: StandoffDocument, entities: ReadonlySet<string>): Map<string, { line: RelationLine; from: string; to: string }> {
  const relations = new Map<string, { line: RelationLine; from: string; to: string }>();
  for (const line of document.lines) {
    if (line.kind !== 'relation') continue;
    const ends = relationEnds(line);
    if (ends && entities.has(ends.from) && entities.has(ends.to)) relations.set(line.id, { line, ...ends });
  }
  return relations;
}

export function standoffToNative(document: StandoffDocument, codePoints: readonly string[]): NativeView {
  const view: NativeView = { annotations: [], relations: [], mismatches: [], unshown: [] };
  const entities = shownEntityIds(document, codePoints.length);
  const events = shownEvents(document, entities);
  document.lines.forEach((line, index) => {
    if (line.kind === 'opaque') {
      if (line.reason !== 'blank line') view.unshown.push({ line: index + 1, id: null, reason: line.reason });
      return;
    }
    if (line.kind !== 'entity') return;
    if (!entities.has(line.id)) {
      view.unshown.push({ line: index + 1, id: line.id, reason: `its span ends past the end of the article (${codePoints.length} characters)` });
      return;
    }
    const fragments = [...line.fragments].sort((a, b) => a.start - b.start);
    const start = fragments[0].start;
    const end = Math.max(...fragments.map((fragment) => fragment.end));
    const text = sliceText(codePoints, fragments);
    if (line.text !== null && line.text !== text) view.mismatches.push({ id: line.id, written: line.text, article: text });
    const annotation: StoredAnnotation = { id: line.id, type: line.type, start, end, text, quote: quoteAround(codePoints, start, end) };
    if (fragments.length > 1) annotation.fragments = fragments.map((fragment) => ({ start: fragment.start, end: fragment.end }));
    const note = noteOf(document, line.id);
    if (note !== null) annotation.note = note;
    const attributes = attributesOf(document, line.id);
    if (Object.keys(attributes).length > 0) annotation.attributes = attributes;
    // An event's trigger carries its roles (shared/relations/relationOperations.ts).
    const event = events.get(line.id);
    if (event) annotation.roles = event.roles;
    view.annotations.push(annotation);
  });
  for (const [id, relation] of shownRelations(document, entities)) {
    view.relations.push({ id, type: relation.line.type, from: relation.from, to: relation.to });
  }
  return view;
}

export interface NativeChanges {
  annotations: readonly StoredAnnotation[];
  relations: readonly StoredRelation[];
}

export interface AppliedChanges {
  document: StandoffDocument;
  /** Native id → brat id, for annotations and relations that got a new id in the file. */
  idMap: Record<string, string>;
  /**
   * What this save removed, one group per deleted entity or relation: its line and every line
   * that referred to it, with indices into the document as it was just before that deletion.
   */
  removed: RemovalGroup[];
  /** Entities put back from `restorable` (undo of a deletion saved earlier). */
  restored: string[];
}

export interface RemovalGroup {
  id: string;
  lines: RemovedLine[];
  /** Ids the lines referred to that existed outside the group when it was removed. */
  requires: string[];
}

/** Lines removed by an earlier save, by the id of the annotation whose deletion removed them. */
export type RestorableLines = (id: string) => RemovalGroup | null;

function removalGroup(before: StandoffDocument, id: string, lines: RemovedLine[]): RemovalGroup {
  const inGroup = new Set(lines.map((entry) => definedId(entry.line)));
  const existing = new Set(before.lines.map(definedId));
  const requires = new Set<string>();
  for (const entry of lines) {
    for (const ref of referencedIds(entry.line)) if (!inGroup.has(ref) && existing.has(ref)) requires.add(ref);
  }
  return { id, lines, requires: [...requires] };
}

function fragmentsOf(annotation: StoredAnnotation): SpanFragment[] {
  const fragments = annotation.fragments && annotation.fragments.length > 0
    ? annotation.fragments.map((fragment) => ({ start: fragment.start, end: fragment.end }))
    : [{ start: annotation.start, end: annotation.end }];
  return fragments.sort((a, b) => a.start - b.start);
}

/**
 * brat cannot write a line break into a text field, and brat's own editor cuts a span that
 * crosses a line into one fragment per line: do the same, dropping the line breaks themselves.
 */
export function splitFragmentsAtLineBreaks(codePoints: readonly string[], fragments: readonly SpanFragment[]): SpanFragment[] {
  const result: SpanFragment[] = [];
  for (const fragment of fragments) {
    let start = fragment.start;
    for (let index = fragment.start; index < fragment.end; index++) {
      if (codePoints[index] === '\n') {
        if (index > start) result.push({ start, end: index });
        start = index + 1;
      }
    }
    if (fragment.end > start || (result.length === 0 && fragment.end === start)) result.push({ start, end: fragment.end });
  }
  return result;
}

/**
 * The removed lines that can go back into `document`: a line that refers to something that
 * existed when it was removed but is gone now (another entity still deleted) stays out. A
 * reference that was already dangling in the original file is kept as it was.
 */
function restorableSubset(document: StandoffDocument, group: RemovalGroup): RemovedLine[] {
  const present = new Set(document.lines.map(definedId));
  const missing = new Set(group.requires.filter((id) => !present.has(id)));
  return group.lines.filter((entry) => referencedIds(entry.line).every((ref) => !missing.has(ref)));
}

function sameFragments(a: readonly SpanFragment[], b: readonly SpanFragment[]): boolean {
  return a.length === b.length && a.every((fragment, index) => fragment.start === b[index].start && fragment.end === b[index].end);
}

function sameAttributes(a: Readonly<Record<string, AttributeValue>>, b: Readonly<Record<string, AttributeValue>>): boolean {
  const keysA = Object.keys(a).filter((key) => a[key] !== false);
  const keysB = Object.keys(b).filter((key) => b[key] !== false);
  return keysA.length === keysB.length && keysA.every((key) => String(a[key]) === String(b[key]));
}

/** Removes the lines of `ids` that are no longer wanted, each with what refers to it; each removal is recorded for undo. */
function removeUnwanted(changes: AppliedChanges, ids: Iterable<string>, wanted: ReadonlySet<string>): void {
  for (const id of ids) {
    if (wanted.has(id) || findLineIndex(changes.document, id) === -1) continue;
    const result = removeAnnotation(changes.document, id);
    changes.removed.push(removalGroup(changes.document, id, result.removed));
    changes.document = result.document;
  }
}

/**
 * An annotation the file has no line for: the lines an earlier save removed put back when they
 * can be (an undone delete keeps its bytes), else a new T line (its id kept when brat-shaped).
 * Returns the id it has in the file.
 */
function addMissingEntity(changes: AppliedChanges, annotation: StoredAnnotation, requested: readonly SpanFragment[], codePoints: readonly string[], restorable: RestorableLines): string {
  const id = annotation.id;
  const group = restorable(id);
  if (group && group.lines.some((entry) => entry.line.kind === 'entity' && entry.line.id === id)) {
    try {
      changes.document = restoreLines(changes.document, restorableSubset(changes.document, group));
      changes.restored.push(id);
      return id;
    } catch (error) {
      if (!(error instanceof StandoffEditError)) throw error;
    }
  }
  const fragments = splitFragmentsAtLineBreaks(codePoints, requested);
  const keepId = /^T\d+$/.test(id) ? id : undefined;
  const added = addEntity(changes.document, { type: annotation.type, fragments, text: sliceText(codePoints, fragments) }, keepId);
  changes.document = added.document;
  if (added.id !== annotation.id) changes.idMap[annotation.id] = added.id;
  return added.id;
}

/** Rewrites only what differs on the entity's lines: its type, its span, its note, its attributes. */
function updateEntity(document: StandoffDocument, id: string, annotation: StoredAnnotation, requested: readonly SpanFragment[], codePoints: readonly string[]): StandoffDocument {
  let current = document;
  const line = current.lines[findLineIndex(current, id)];
  if (line.kind === 'entity') {
    if (line.type !== annotation.type) current = retagEntity(current, id, annotation.type);
    // A span the user did not move keeps its line as written: its text field, even a wrong
    // one, and a span across a line break that another tool wrote.
    const written = [...line.fragments].sort((a, b) => a.start - b.start);
    if (!sameFragments(written, requested)) {
      const fragments = splitFragmentsAtLineBreaks(codePoints, requested);
      current = changeEntitySpan(current, id, fragments, sliceText(codePoints, fragments));
    }
  }
  const note = annotation.note === undefined || annotation.note === '' ? null : annotation.note;
  if (noteOf(current, id) !== note) current = setNote(current, id, note);
  const attributes = annotation.attributes ?? {};
  if (!sameAttributes(attributesOf(current, id), attributes)) current = setAttributes(current, id, attributes);
  return current;
}

/** A relation rewritten in place (its argument roles kept) or appended, its ends under their ids in the file. */
function applyRelation(changes: AppliedChanges, relation: StoredRelation): void {
  const from = changes.idMap[relation.from] ?? relation.from;
  const to = changes.idMap[relation.to] ?? relation.to;
  const existing = changes.document.lines[findLineIndex(changes.document, relation.id)];
  if (existing && existing.kind === 'relation') {
    const roles = existing.args.length === 2 ? [existing.args[0].role, existing.args[1].role] : ['Arg1', 'Arg2'];
    changes.document = changeRelation(changes.document, relation.id, { type: relation.type, args: [{ role: roles[0], ref: from }, { role: roles[1], ref: to }] });
    return;
  }
  if (existing) throw new StandoffEditError(`Relation ${relation.id} has the id of a ${existing.kind} line in the .ann file.`);
  const keepId = /^R\d+$/.test(relation.id) ? relation.id : undefined;
  const added = addRelation(changes.document, { type: relation.type, args: [{ role: 'Arg1', ref: from }, { role: 'Arg2', ref: to }] }, keepId);
  changes.document = added.document;
  if (added.id !== relation.id) changes.idMap[relation.id] = added.id;
}

/**
 * Brings the document in line with the annotations and relations the UI holds, touching only
 * the lines that differ: deleted entities go with everything that refers to them, changed ones
 * are rewritten in place, new ones are appended with the next free id.
 */
export function applyNativeChanges(
  document: StandoffDocument,
  codePoints: readonly string[],
  changes: NativeChanges,
  restorable: RestorableLines = () => null,
): AppliedChanges {
  const applied: AppliedChanges = { document, idMap: {}, removed: [], restored: [] };
  const entities = shownEntityIds(document, codePoints.length);
  const relationsBefore = shownRelations(document, entities);
  removeUnwanted(applied, entities, new Set(changes.annotations.map((annotation) => annotation.id)));
  removeUnwanted(applied, relationsBefore.keys(), new Set(changes.relations.map((relation) => relation.id)));

  const retyped = new Map<string, string>();
  for (const annotation of changes.annotations) {
    const requested = fragmentsOf(annotation);
    if (requested.some((fragment) => fragment.start > fragment.end || fragment.end > codePoints.length)) {
      throw new StandoffEditError(`Annotation ${annotation.id} has a span outside the article.`);
    }
    const existing = applied.document.lines[findLineIndex(applied.document, annotation.id)];
    if (existing && existing.kind !== 'entity') {
      throw new StandoffEditError(`Annotation ${annotation.id} has the id of a ${existing.kind} line in the .ann file.`);
    }
    if (existing && existing.kind === 'entity' && existing.type !== annotation.type) retyped.set(annotation.id, existing.type);
    const id = existing ? annotation.id : addMissingEntity(applied, annotation, requested, codePoints, restorable);
    applied.document = updateEntity(applied.document, id, annotation, requested, codePoints);
  }
  for (const relation of changes.relations) applyRelation(applied, relation);
  const removed = new Set(applied.removed.flatMap((group) => group.lines.flatMap((entry) => (entry.line.kind === 'event' ? [entry.line.trigger] : []))));
  applied.document = applyEventRoles(applied.document, changes.annotations, shownEntityIds(applied.document, codePoints.length), applied.idMap, { retyped, removed });
  return applied;
}
