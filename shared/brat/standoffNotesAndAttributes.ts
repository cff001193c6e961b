import { formatAttributeRaw, formatNoteRaw, type AttributeLine, type NoteLine, type StandoffLine } from './standoffLine';
import { ANNOTATOR_NOTES, appendLine, attributeLineIndexes, dominantLineEnd, nextId, noteLineIndexes, StandoffEditError, type StandoffDocument } from './standoffDocument';

/** The AnnotatorNotes and attribute (A/M) lines of a brat document, read and set per annotation. */

function notesOf(document: StandoffDocument, target: string): { index: number; line: NoteLine }[] {
  return noteLineIndexes(document, target).map((index) => ({ index, line: document.lines[index] as NoteLine }));
}

/** The AnnotatorNotes text of an annotation (several notes are joined by a line break). */
export function noteOf(document: StandoffDocument, target: string): string | null {
  const notes = notesOf(document, target);
  return notes.length === 0 ? null : notes.map((note) => note.line.text).join('\n');
}

/**
 * Sets the AnnotatorNotes of an annotation: rewrites the first note line, removes the others,
 * or adds one. A brat line cannot hold a line break, so line breaks become spaces.
 */
export function setNote(document: StandoffDocument, target: string, note: string | null): StandoffDocument {
  if (noteOf(document, target) === (note === '' ? null : note)) return document;
  const notes = notesOf(document, target);
  const drop = new Set(notes.slice(note ? 1 : 0).map((entry) => entry.index));
  let lines = document.lines.filter((_, index) => !drop.has(index));
  let result: StandoffDocument = { ...document, lines };
  if (!note) return result;
  const text = note.replace(/\r\n|[\r\n]/g, ' ');
  const first = notes[0];
  if (first) {
    lines = [...lines];
    const index = lines.indexOf(first.line);
    lines[index] = { ...first.line, text, raw: formatNoteRaw(first.line.id, first.line.type, target, text) };
    return { ...result, lines };
  }
  const id = nextId(result, '#');
  const line: NoteLine = { kind: 'note', raw: formatNoteRaw(id, ANNOTATOR_NOTES, target, text), eol: dominantLineEnd(result), id, type: ANNOTATOR_NOTES, target, text };
  result = appendLine(result, line);
  return result;
}

export type AttributeValue = string | number | boolean;

function attributeLinesOf(document: StandoffDocument, target: string): AttributeLine[] {
  return attributeLineIndexes(document, target).map((index) => document.lines[index] as AttributeLine);
}

/** Attributes of an annotation as native values: a binary attribute is `true`, a valued one its value. */
export function attributesOf(document: StandoffDocument, target: string): Record<string, string | true> {
  const attributes: Record<string, string | true> = {};
  for (const line of attributeLinesOf(document, target)) attributes[line.name] = line.value ?? true;
  return attributes;
}

function bratValue(value: AttributeValue): string | null | false {
  if (value === false) return false;
  if (value === true) return null;
  const text = String(value);
  if (text === '' || /\s/.test(text)) throw new StandoffEditError(`"${text}" cannot be a brat attribute value (empty or has whitespace).`);
  return text;
}

/**
 * Makes the A/M lines of an annotation say exactly `attributes`: unchanged ones keep their
 * bytes, changed ones are rewritten in place, missing ones (or `false`) are removed, new ones added.
 */
export function setAttributes(document: StandoffDocument, target: string, attributes: Readonly<Record<string, AttributeValue>>): StandoffDocument {
  const wanted = new Map<string, string | null>();
  for (const [name, value] of Object.entries(attributes)) {
    if (name === '' || /\s/.test(name)) throw new StandoffEditError(`"${name}" is not a brat attribute name.`);
    const converted = bratValue(value);
    if (converted !== false) wanted.set(name, converted);
  }
  const seen = new Set<string>();
  const lines: StandoffLine[] = [];
  for (const line of document.lines) {
    if (line.kind !== 'attribute' || line.target !== target) {
      lines.push(line);
      continue;
    }
    if (!wanted.has(line.name) || seen.has(line.name)) continue;
    seen.add(line.name);
    const value = wanted.get(line.name) ?? null;
    lines.push(value === line.value ? line : { ...line, value, raw: formatAttributeRaw(line.id, line.name, target, value) });
  }
  let result: StandoffDocument = { ...document, lines };
  for (const [name, value] of wanted) {
    if (seen.has(name)) continue;
    const id = nextId(result, 'A');
    const line: AttributeLine = { kind: 'attribute', raw: formatAttributeRaw(id, name, target, value), eol: dominantLineEnd(result), id, name, target, value };
    result = appendLine(result, line);
  }
  return result;
}
