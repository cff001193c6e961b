import {
  definedId,
  formatEntityRaw,
  formatRelationRaw,
  parseStandoffLine,
  referencedIds,
  type ArgumentReference,
  type EntityLine,
  type RelationLine,
  type SpanFragment,
  type StandoffLine,
} from './standoffLine';

/**
 * A brat `NAME.ann` file as a list of lines, lossless: `serializeStandoff(parseStandoff(x)) === x`
 * for every string x. Edits replace, insert or remove whole lines and leave every other line's
 * bytes alone. All operations are pure: they return a new document.
 *
 * Offsets are code points into the document text, which is the article with CRLF and lone CR
 * turned into LF. That is also what brat itself counts: its server reads the text with Python's
 * universal newlines, so a CRLF is one character (nlplab/brat#853). A brat corpus made from CRLF
 * articles therefore opens with the offsets brat showed.
 */
export interface StandoffDocument {
  /** True when the file starts with a UTF-8 byte-order mark (kept on write). */
  readonly bom: boolean;
  readonly lines: readonly StandoffLine[];
}

/** A line taken out of a document, with where it was, so that undo can put it back. */
export interface RemovedLine {
  /** Index of the line in the document it was removed from. */
  index: number;
  line: StandoffLine;
}

export class StandoffEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StandoffEditError';
  }
}

const BOM = '\uFEFF';
export const ANNOTATOR_NOTES = 'AnnotatorNotes';

export function parseStandoff(content: string): StandoffDocument {
  const bom = content.startsWith(BOM);
  const text = bom ? content.slice(1) : content;
  const lines: StandoffLine[] = [];
  let position = 0;
  while (position < text.length) {
    const newline = text.indexOf('\n', position);
    let raw: string;
    let eol: string;
    if (newline === -1) {
      raw = text.slice(position);
      eol = '';
      position = text.length;
    } else {
      raw = text.slice(position, newline);
      eol = '\n';
      position = newline + 1;
    }
    if (raw.endsWith('\r')) {
      raw = raw.slice(0, -1);
      eol = `\r${eol}`;
    }
    lines.push(parseStandoffLine(raw, eol));
  }
  return { bom, lines };
}

export function serializeStandoff(document: StandoffDocument): string {
  let out = document.bom ? BOM : '';
  for (const line of document.lines) out += line.raw + line.eol;
  return out;
}

/** The line end new lines get: CRLF when most lines of the file end that way, else LF. */
export function dominantLineEnd(document: StandoffDocument): string {
  let crlf = 0;
  let lf = 0;
  for (const line of document.lines) {
    if (line.eol === '\r\n') crlf++;
    else if (line.eol === '\n') lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

export function entityLines(document: StandoffDocument): EntityLine[] {
  return document.lines.filter((line): line is EntityLine => line.kind === 'entity');
}

export function relationLines(document: StandoffDocument): RelationLine[] {
  return document.lines.filter((line): line is RelationLine => line.kind === 'relation');
}

/**
 * Lookups by id and by target, built once per document (documents are never mutated, so the
 * index of one stays valid): a save compares thousands of annotations with their lines, and a
 * scan of the file for each would make that quadratic.
 */
interface DocumentIndex {
  byId: Map<string, number>;
  notesByTarget: Map<string, number[]>;
  attributesByTarget: Map<string, number[]>;
}

const indexCache = new WeakMap<StandoffDocument, DocumentIndex>();

function indexOf(document: StandoffDocument): DocumentIndex {
  const cached = indexCache.get(document);
  if (cached) return cached;
  const index: DocumentIndex = { byId: new Map(), notesByTarget: new Map(), attributesByTarget: new Map() };
  const add = (map: Map<string, number[]>, key: string, position: number) => {
    const list = map.get(key);
    if (list) list.push(position);
    else map.set(key, [position]);
  };
  document.lines.forEach((line, position) => {
    const id = definedId(line);
    if (id !== null && !index.byId.has(id)) index.byId.set(id, position);
    if (line.kind === 'note' && line.type === ANNOTATOR_NOTES) add(index.notesByTarget, line.target, position);
    if (line.kind === 'attribute') add(index.attributesByTarget, line.target, position);
  });
  indexCache.set(document, index);
  return index;
}

export function findLineIndex(document: StandoffDocument, id: string): number {
  return indexOf(document).byId.get(id) ?? -1;
}

function requireEntity(document: StandoffDocument, id: string): { index: number; line: EntityLine } {
  const index = findLineIndex(document, id);
  const line = document.lines[index];
  if (!line || line.kind !== 'entity') throw new StandoffEditError(`No text-bound annotation ${id} in the file.`);
  return { index, line };
}

/**
 * The next free id with this letter: one more than the largest number in use. Opaque lines are
 * looked at too, so that a malformed `T12...` line never ends up sharing its id with a new one.
 */
export function nextId(document: StandoffDocument, letter: 'T' | 'R' | 'E' | 'A' | 'N' | '#'): string {
  let largest = 0;
  for (const line of document.lines) {
    const id = definedId(line) ?? line.raw.split('\t', 1)[0];
    if (id.length > 1 && id[0] === letter) {
      const digits = /^(\d+)/.exec(id.slice(1));
      if (digits) largest = Math.max(largest, Number(digits[1]));
    }
  }
  return `${letter}${largest + 1}`;
}

function checkType(type: string): void {
  if (type === '' || /\s/.test(type)) throw new StandoffEditError(`"${type}" is not a brat type name (empty or has whitespace).`);
}

function checkFragments(fragments: readonly SpanFragment[]): void {
  if (fragments.length === 0) throw new StandoffEditError('A text-bound annotation needs at least one span.');
  let previousEnd = 0;
  for (const fragment of fragments) {
    if (!Number.isSafeInteger(fragment.start) || !Number.isSafeInteger(fragment.end) || fragment.start < 0 || fragment.end < fragment.start) {
      throw new StandoffEditError(`${fragment.start}-${fragment.end} is not a valid span.`);
    }
    if (fragment.start < previousEnd) throw new StandoffEditError('Spans must be in order and must not overlap.');
    previousEnd = fragment.end;
  }
}

function checkSingleLine(field: string, what: string): void {
  if (/[\r\n]/.test(field)) throw new StandoffEditError(`The ${what} holds a line break, which a brat line cannot.`);
}

/** Puts `line` at the end; if the file lacked a final newline, the old last line gets one first. */
export function appendLine(document: StandoffDocument, line: StandoffLine): StandoffDocument {
  const lines = [...document.lines];
  const last = lines[lines.length - 1];
  if (last && last.eol === '') lines[lines.length - 1] = { ...last, eol: line.eol };
  lines.push(line);
  return { ...document, lines };
}

function replaceLine(document: StandoffDocument, index: number, line: StandoffLine): StandoffDocument {
  const lines = [...document.lines];
  lines[index] = line;
  return { ...document, lines };
}

export interface NewEntity {
  type: string;
  fragments: readonly SpanFragment[];
  /** The covered text, fragments joined by one space (brat's convention). */
  text: string;
}

/** Appends `T<n>\t<Type> <start> <end>\t<text>` with n one more than the largest T number. */
export function addEntity(document: StandoffDocument, entity: NewEntity, id: string = nextId(document, 'T')): { document: StandoffDocument; id: string } {
  checkType(entity.type);
  checkFragments(entity.fragments);
  checkSingleLine(entity.text, 'text');
  if (!/^T\d+$/.test(id) || findLineIndex(document, id) !== -1) throw new StandoffEditError(`${id} is not a free T id.`);
  const fragments = entity.fragments.map((fragment) => ({ start: fragment.start, end: fragment.end }));
  const line: EntityLine = {
    kind: 'entity',
    raw: formatEntityRaw(id, entity.type, fragments, entity.text),
    eol: dominantLineEnd(document),
    id,
    type: entity.type,
    fragments,
    text: entity.text,
  };
  return { document: appendLine(document, line), id };
}

/** Gives an entity another type; its spans and its text field (even a wrong one) stay as written. */
export function retagEntity(document: StandoffDocument, id: string, type: string): StandoffDocument {
  checkType(type);
  const { index, line } = requireEntity(document, id);
  if (line.type === type) return document;
  return replaceLine(document, index, { ...line, type, raw: formatEntityRaw(id, type, line.fragments, line.text) });
}

/** Moves an entity to other spans, with the text those spans cover. */
export function changeEntitySpan(document: StandoffDocument, id: string, fragments: readonly SpanFragment[], text: string): StandoffDocument {
  checkFragments(fragments);
  checkSingleLine(text, 'text');
  const { index, line } = requireEntity(document, id);
  const copied = fragments.map((fragment) => ({ start: fragment.start, end: fragment.end }));
  const same = line.text === text && line.fragments.length === copied.length
    && line.fragments.every((fragment, position) => fragment.start === copied[position].start && fragment.end === copied[position].end);
  if (same) return document;
  return replaceLine(document, index, { ...line, fragments: copied, text, raw: formatEntityRaw(id, line.type, copied, text) });
}

/**
 * The lines that go when annotation `id` is deleted: its own line, and every line that refers
 * to it (R, E, A/M, N, #, `*`), then, transitively, every line that refers to a removed R or E
 * (an attribute on an event whose trigger was deleted, say). Opaque lines are never removed.
 * Returned in file order with their indices, for the UI to show before it deletes.
 */
export function linesRemovedWith(document: StandoffDocument, id: string): RemovedLine[] {
  const removedIds = new Set<string>([id]);
  const removedIndices = new Set<number>();
  let grew = true;
  while (grew) {
    grew = false;
    document.lines.forEach((line, index) => {
      if (removedIndices.has(index) || line.kind === 'opaque') return;
      const own = definedId(line);
      if ((own !== null && removedIds.has(own)) || referencedIds(line).some((ref) => removedIds.has(ref))) {
        removedIndices.add(index);
        if (own !== null && !removedIds.has(own)) removedIds.add(own);
        grew = true;
      }
    });
  }
  return [...removedIndices].sort((a, b) => a - b).map((index) => ({ index, line: document.lines[index] }));
}

/** Deletes an annotation with everything that refers to it (see `linesRemovedWith`). */
export function removeAnnotation(document: StandoffDocument, id: string): { document: StandoffDocument; removed: RemovedLine[] } {
  if (findLineIndex(document, id) === -1) throw new StandoffEditError(`No annotation ${id} in the file.`);
  const removed = linesRemovedWith(document, id);
  const gone = new Set(removed.map((entry) => entry.index));
  return { document: { ...document, lines: document.lines.filter((_, index) => !gone.has(index)) }, removed };
}

/**
 * Puts removed lines back where they were (undo). Indices are those of the document they were
 * removed from; inserting in ascending order restores each exactly when nothing else moved, and
 * near its place (clamped to the end) when lines were added or removed since.
 */
export function restoreLines(document: StandoffDocument, removed: readonly RemovedLine[]): StandoffDocument {
  const lines = [...document.lines];
  for (const entry of [...removed].sort((a, b) => a.index - b.index)) {
    const definer = definedId(entry.line);
    if (definer !== null && lines.some((line) => definedId(line) === definer)) {
      throw new StandoffEditError(`Cannot restore ${definer}: the file has an annotation with that id again.`);
    }
    const index = Math.min(entry.index, lines.length);
    const previous = lines[index - 1];
    if (index === lines.length && previous && previous.eol === '') lines[index - 1] = { ...previous, eol: entry.line.eol || '\n' };
    lines.splice(index, 0, entry.line);
  }
  return { ...document, lines };
}

export interface NewRelation {
  type: string;
  args: readonly ArgumentReference[];
}

export function addRelation(document: StandoffDocument, relation: NewRelation, id: string = nextId(document, 'R')): { document: StandoffDocument; id: string } {
  checkType(relation.type);
  if (!/^R\d+$/.test(id) || findLineIndex(document, id) !== -1) throw new StandoffEditError(`${id} is not a free R id.`);
  const args = relation.args.map((argument) => ({ role: argument.role, ref: argument.ref }));
  const line: RelationLine = { kind: 'relation', raw: formatRelationRaw(id, relation.type, args), eol: dominantLineEnd(document), id, type: relation.type, args };
  return { document: appendLine(document, line), id };
}

/** Changes a relation's type or arguments; an unchanged relation keeps its bytes (trailing tab too). */
export function changeRelation(document: StandoffDocument, id: string, relation: NewRelation): StandoffDocument {
  checkType(relation.type);
  const index = findLineIndex(document, id);
  const line = document.lines[index];
  if (!line || line.kind !== 'relation') throw new StandoffEditError(`No relation ${id} in the file.`);
  const same = line.type === relation.type && line.args.length === relation.args.length
    && line.args.every((argument, position) => argument.role === relation.args[position].role && argument.ref === relation.args[position].ref);
  if (same) return document;
  const args = relation.args.map((argument) => ({ role: argument.role, ref: argument.ref }));
  return replaceLine(document, index, { ...line, type: relation.type, args, raw: formatRelationRaw(id, relation.type, args) });
}

/** Indexes of the AnnotatorNotes lines about `target`, in file order. */
export function noteLineIndexes(document: StandoffDocument, target: string): readonly number[] {
  return indexOf(document).notesByTarget.get(target) ?? [];
}

/** Indexes of the attribute (A/M) lines about `target`, in file order. */
export function attributeLineIndexes(document: StandoffDocument, target: string): readonly number[] {
  return indexOf(document).attributesByTarget.get(target) ?? [];
}
