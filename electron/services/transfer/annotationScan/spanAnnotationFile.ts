import { isUtf8 } from 'node:buffer';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../../../shared/articleStatuses';
import { NATIVE_FORMAT_ID, NATIVE_FORMAT_VERSION, type AnnotationFile, type SourceInfo, type StoredAnnotation } from '../../../../shared/model/nativeFormat';
import { asciiBytes, JsonByteCursor } from './jsonByteCursor';

/**
 * (#25) An annotation file read for a format that reads of each annotation only its span
 * (FormatSerializer.readsSpansOnly: CoNLL, Hugging Face), straight from the file's bytes: no
 * decoding of the whole file, no JSON.parse, no objects for the fields such a format never reads.
 * An annotation's quote (about half a file's Persian), author, dates and entity link are checked
 * as parseAnnotationFile checks them and left out; its id, type, offsets, text and note are kept.
 *
 * It takes only the plain file Hashiye writes: the fields it knows, each once, in any order, with
 * the values the schema accepts. Anything else (a byte-order mark, bytes that are not UTF-8, an
 * unknown or repeated field, relations, document labels, zones, source tokens, fragments,
 * attributes, event roles, an older version, a number that is not plain digits, anything not
 * valid JSON) gives null, and the caller reads the file the full way (parseAnnotationFile), which
 * accepts it or says why not in the same words as ever. So what it gives is what the full way
 * gives for the same file, less the fields left out (spanAnnotationFile.test.ts holds it to that).
 */

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

const TRUE = asciiBytes('true');
const FALSE = asciiBytes('false');
const FORMAT_ID = asciiBytes(NATIVE_FORMAT_ID);
const OFFSET_UNIT = asciiBytes('codepoint');
const STATUSES: ReadonlySet<string> = new Set(ARTICLE_STATUSES);

/** The keys each object may hold, by position: an object's keys are told apart by their index here. */
const FILE_KEYS = ['format', 'version', 'offsetUnit', 'source', 'status', 'annotations', 'relations', 'labels', 'assignee', 'updated'].map(asciiBytes);
const [FORMAT, VERSION, OFFSET_UNIT_KEY, SOURCE, STATUS, ANNOTATIONS, RELATIONS, LABELS, ASSIGNEE] = FILE_KEYS.map((_, index) => index);
const REQUIRED_FILE_KEYS = (1 << FORMAT) | (1 << VERSION) | (1 << OFFSET_UNIT_KEY) | (1 << SOURCE) | (1 << STATUS) | (1 << ANNOTATIONS);

const SOURCE_KEYS = ['file', 'sha256', 'encoding', 'length', 'encodingChosen'].map(asciiBytes);
const [FILE, SHA256, ENCODING, LENGTH, ENCODING_CHOSEN] = SOURCE_KEYS.map((_, index) => index);
const REQUIRED_SOURCE_KEYS = (1 << FILE) | (1 << SHA256) | (1 << ENCODING) | (1 << LENGTH);

/** An annotation's fields: the first five kept and required, `note` kept, the rest (strings) checked and left out. */
const ANNOTATION_KEYS = ['id', 'type', 'start', 'end', 'text', 'note', 'quote', 'author', 'created', 'modified', 'entity'].map(asciiBytes);
const [ID, TYPE, START, END, TEXT, NOTE, QUOTE] = ANNOTATION_KEYS.map((_, index) => index);
const REQUIRED_ANNOTATION_KEYS = (1 << ID) | (1 << TYPE) | (1 << START) | (1 << END) | (1 << TEXT);
const QUOTE_KEYS = ['prefix', 'suffix'].map(asciiBytes);
const BOTH_QUOTE_KEYS = 0b11;

/** The index in `keys` of the string just read, or -1 (an unknown key, or one written with an escape). */
function keyIndex(cursor: JsonByteCursor, keys: readonly Uint8Array[]): number {
  const length = cursor.stringEnd - cursor.stringStart;
  for (let index = 0; index < keys.length; index++) if (keys[index].length === length && cursor.stringIs(keys[index])) return index;
  return -1;
}

/**
 * Reads an object (after whitespace) whose keys are all among `keys`, each once, handing each
 * member's value to `member` (the key's index): the keys seen as bits, or -1 when the object,
 * a key or a value is not what is expected.
 */
function readObject<State>(cursor: JsonByteCursor, keys: readonly Uint8Array[], member: (cursor: JsonByteCursor, key: number, state: State) => boolean, state: State): number {
  if (!cursor.take(OPEN_OBJECT)) return -1;
  if (cursor.take(CLOSE_OBJECT)) return 0;
  let seen = 0;
  do {
    if (!cursor.readString() || !cursor.take(COLON)) return -1;
    const key = keyIndex(cursor, keys);
    if (key === -1 || (seen & (1 << key)) !== 0 || !member(cursor, key, state)) return -1;
    seen |= 1 << key;
  } while (cursor.take(COMMA));
  return cursor.take(CLOSE_OBJECT) ? seen : -1;
}

/** Reads `[]` (after whitespace). */
function readEmptyArray(cursor: JsonByteCursor): boolean {
  return cursor.take(OPEN_ARRAY) && cursor.take(CLOSE_ARRAY);
}

/** A non-empty string (z.string().min(1)), or null. */
function nonEmptyString(cursor: JsonByteCursor): string | null {
  if (!cursor.readString()) return null;
  const value = cursor.stringValue();
  return value.length > 0 ? value : null;
}

/** What one annotation's members set while it is read. */
interface AnnotationFields {
  id: string | null;
  type: string | null;
  start: number;
  end: number;
  text: string | null;
  note: string | null;
}

function readQuoteMember(cursor: JsonByteCursor): boolean {
  return cursor.readString();
}

function readAnnotationMember(cursor: JsonByteCursor, key: number, fields: AnnotationFields): boolean {
  switch (key) {
    case ID:
      return (fields.id = nonEmptyString(cursor)) !== null;
    case TYPE:
      return (fields.type = nonEmptyString(cursor)) !== null;
    case START:
      return (fields.start = cursor.readOffset()) !== -1;
    case END:
      return (fields.end = cursor.readOffset()) !== -1;
    case TEXT:
    case NOTE: {
      if (!cursor.readString()) return false;
      const value = cursor.stringValue();
      if (key === TEXT) fields.text = value;
      else fields.note = value;
      return true;
    }
    case QUOTE:
      return readObject(cursor, QUOTE_KEYS, readQuoteMember, null) === BOTH_QUOTE_KEYS;
    default:
      // author, created, modified, entity: strings the span formats do not read.
      return cursor.readString();
  }
}

/** One annotation (after whitespace) as the span formats read it, or null. */
function readAnnotation(cursor: JsonByteCursor, fields: AnnotationFields): StoredAnnotation | null {
  fields.id = fields.type = fields.text = fields.note = null;
  const seen = readObject(cursor, ANNOTATION_KEYS, readAnnotationMember, fields);
  if (seen === -1 || (seen & REQUIRED_ANNOTATION_KEYS) !== REQUIRED_ANNOTATION_KEYS) return null;
  const annotation: StoredAnnotation = { id: fields.id as string, type: fields.type as string, start: fields.start, end: fields.end, text: fields.text as string };
  if (fields.note !== null) annotation.note = fields.note;
  return annotation;
}

function readAnnotations(cursor: JsonByteCursor): StoredAnnotation[] | null {
  if (!cursor.take(OPEN_ARRAY)) return null;
  const annotations: StoredAnnotation[] = [];
  if (cursor.take(CLOSE_ARRAY)) return annotations;
  const fields: AnnotationFields = { id: null, type: null, start: 0, end: 0, text: null, note: null };
  do {
    const annotation = readAnnotation(cursor, fields);
    if (annotation === null) return null;
    annotations.push(annotation);
  } while (cursor.take(COMMA));
  return cursor.take(CLOSE_ARRAY) ? annotations : null;
}

/** A SHA-256 as the schema wants it: 64 lowercase hexadecimal digits, written plainly. */
function isSha256(cursor: JsonByteCursor): boolean {
  const { bytes, stringStart, stringEnd } = cursor;
  if (cursor.escaped || stringEnd - stringStart !== 64) return false;
  for (let at = stringStart; at < stringEnd; at++) {
    const byte = bytes[at];
    if (!((byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66))) return false;
  }
  return true;
}

function readSourceMember(cursor: JsonByteCursor, key: number, source: Record<string, unknown>): boolean {
  if (key === LENGTH) return (source.length = cursor.readOffset()) !== -1;
  if (key === ENCODING_CHOSEN) {
    // Any other value is read as not chosen by the schema's `catch`: the full way says how.
    if (cursor.readLiteral(TRUE)) source.encodingChosen = true;
    else if (cursor.readLiteral(FALSE)) source.encodingChosen = false;
    else return false;
    return true;
  }
  if (!cursor.readString() || (key === SHA256 && !isSha256(cursor))) return false;
  source[key === FILE ? 'file' : key === SHA256 ? 'sha256' : 'encoding'] = cursor.stringValue();
  return true;
}

/** The source record, its fields in the schema's order (file, sha256, encoding, length, encodingChosen), or null. */
function readSource(cursor: JsonByteCursor): SourceInfo | null {
  const read: Record<string, unknown> = {};
  const seen = readObject(cursor, SOURCE_KEYS, readSourceMember, read);
  if (seen === -1 || (seen & REQUIRED_SOURCE_KEYS) !== REQUIRED_SOURCE_KEYS) return null;
  const source: Record<string, unknown> = { file: read.file, sha256: read.sha256, encoding: read.encoding, length: read.length };
  if ('encodingChosen' in read) source.encodingChosen = read.encodingChosen;
  return source as SourceInfo;
}

/** What the file's members set while it is read. */
interface FileFields {
  source: SourceInfo | null;
  status: ArticleStatus | null;
  annotations: StoredAnnotation[] | null;
  assignee: string | null;
  updated: string | null;
}

function readFileMember(cursor: JsonByteCursor, key: number, fields: FileFields): boolean {
  switch (key) {
    case FORMAT:
      return cursor.readString() && cursor.stringIs(FORMAT_ID);
    case VERSION:
      return cursor.readOffset() === NATIVE_FORMAT_VERSION;
    case OFFSET_UNIT_KEY:
      return cursor.readString() && cursor.stringIs(OFFSET_UNIT);
    case SOURCE:
      return (fields.source = readSource(cursor)) !== null;
    case STATUS: {
      const status = cursor.readString() ? cursor.stringValue() : '';
      fields.status = STATUSES.has(status) ? (status as ArticleStatus) : null;
      return fields.status !== null;
    }
    case ANNOTATIONS:
      return (fields.annotations = readAnnotations(cursor)) !== null;
    case RELATIONS:
    case LABELS:
      // Relations and labels (which older files use for document labels) go the full way.
      return readEmptyArray(cursor);
    default: {
      if (!cursor.readString()) return false;
      if (key === ASSIGNEE) fields.assignee = cursor.stringValue();
      else fields.updated = cursor.stringValue();
      return true;
    }
  }
}

/** The annotation file in `bytes` as a span format reads it (see above), or null: read it the full way. */
export function scanSpanAnnotationFile(bytes: Buffer): AnnotationFile | null {
  if (!isUtf8(bytes)) return null;
  const cursor = new JsonByteCursor(bytes);
  const fields: FileFields = { source: null, status: null, annotations: null, assignee: null, updated: null };
  const seen = readObject(cursor, FILE_KEYS, readFileMember, fields);
  if (seen === -1 || (seen & REQUIRED_FILE_KEYS) !== REQUIRED_FILE_KEYS || !cursor.atEnd()) return null;
  const { source, status, annotations } = fields;
  if (source === null || status === null || annotations === null) return null;
  const file: AnnotationFile = { format: NATIVE_FORMAT_ID, version: NATIVE_FORMAT_VERSION, offsetUnit: 'codepoint', source, status, annotations, relations: [], labels: [] };
  if (fields.assignee !== null) file.assignee = fields.assignee;
  if (fields.updated !== null) file.updated = fields.updated;
  return file;
}
