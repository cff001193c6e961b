// size-exempt: scanAnnotationJson is the measured hot loop of opening a 39 MB file (#17), one pass kept whole.
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { annotationFileOf, parseAnnotationFile, type ParsedAnnotationFile } from '../../../../shared/model/readAnnotationFile';
import { annotationShapeProblem, checkAnnotationBytes, decodeAnnotationBytes, INPUT_LIMITS, type InputLimits } from '../../corpus/inputLimits';
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, isJsonWhitespace, JsonShapeTally, OPEN_BRACE, OPEN_BRACKET, QUOTE, type JsonShape } from '../../corpus/jsonShapeTally';

/**
 * (#17) An annotation file's JSON measured and parsed in slices, so that main answers other
 * calls (the listing, another article) while it reads a big one: 39 MB for 100,000 annotations
 * took one task of over a second (decoding the whole text, measuring it, JSON.parse), during
 * which nothing else ran.
 *
 * The bytes (UTF-8, checked before) are scanned once, a few megabytes a turn: the scan measures
 * exactly what inspectJsonShape measures of the decoded text (structural characters are ASCII,
 * which never occur inside a multi-byte sequence), and notes where the elements of the top-level
 * `annotations` array start and end. The file is then parsed as its skeleton (the text with that
 * array emptied) and the elements a group a turn, each group the exact text between its
 * separating commas. For valid JSON this is what JSON.parse of the whole text gives; anything
 * unusual (no such array, two `annotations` keys, a group that does not parse or holds another
 * number of elements than the scan counted) gives `value: undefined`, and the caller parses the
 * whole text, so that a broken file is reported with JSON.parse's own message.
 */

/** Bytes scanned between two turns of the event loop. */
const SCAN_SLICE_BYTES = 4 * 1024 * 1024;
/**
 * Elements parsed a turn (about 2 MB of a file Hashiye writes, some 50 ms). Smaller groups cost
 * more in all: what each parse makes survives it and is copied out of the young generation.
 */
const PARSE_SLICE_ELEMENTS = 5000;



/** Where the top-level `annotations` array is, as the scan found it. */
export interface AnnotationsArray {
  /** Top-level keys that decode to `annotations` (JSON.parse keeps the last of several). */
  keys: number;
  /** Index of its `[` and `]`, or -1. */
  open: number;
  close: number;
  /** Indexes of the commas separating its elements. */
  commas: number[];
}

/** The index of the quote closing a string whose text starts at `start`, or -1 (see inputLimits.ts closingQuoteOf). */
function closingQuoteOf(bytes: Buffer, start: number): number {
  let end = bytes.indexOf(QUOTE, start);
  while (end !== -1) {
    let backslashes = 0;
    while (end - 1 - backslashes >= start && bytes[end - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = bytes.indexOf(QUOTE, end + 1);
  }
  return -1;
}

/** A top-level key's text as inspectJsonShape keeps it: its characters between the quotes, if at most 64 UTF-16 units. */
function keptKey(bytes: Buffer, start: number, end: number): string {
  // 64 UTF-16 units are at most 192 bytes of UTF-8.
  if (end - start > 192) return '';
  const text = bytes.toString('utf8', start, end);
  return text.length <= 64 ? text : '';
}

function decodedKey(bytes: Buffer, start: number, end: number): string | null {
  try {
    const key: unknown = JSON.parse(bytes.toString('utf8', start - 1, Math.min(end + 1, bytes.length)));
    return typeof key === 'string' ? key : null;
  } catch {
    return null;
  }
}

/**
 * inspectJsonShape over the UTF-8 bytes (from `from`, past a byte-order mark), a slice a turn,
 * with where the `annotations` array's elements are. With `stopAfterElements`, the scan stops at
 * the comma ending that many elements (annotationJsonHead.ts): the shape is then the head's only.
 */
export async function scanAnnotationJson(bytes: Buffer, from = 0, stopAfterElements = Infinity, signal?: AbortSignal): Promise<{ shape: JsonShape; annotations: AnnotationsArray }> {
  const tally = new JsonShapeTally();
  let topLevelKey = '';
  let lastString = '';
  let lastStringStart = -1;
  let lastStringEnd = -1;
  /** The value after the current top-level key is the `annotations` array, if it is an array. */
  let valueIsAnnotations = false;
  const annotations: AnnotationsArray = { keys: 0, open: -1, close: -1, commas: [] };
  const length = bytes.length;
  let pauseAt = from + SCAN_SLICE_BYTES;
  for (let index = from; index < length; index += 1) {
    if (index >= pauseAt) {
      await nextTurn();
      signal?.throwIfAborted();
      pauseAt = index + SCAN_SLICE_BYTES;
    }
    const code = bytes[index];
    if (isJsonWhitespace(code)) continue;
    const depth = tally.depth;
    // Inside the annotations array, between its brackets: its element separators are noted.
    const inAnnotations = depth === 2 && valueIsAnnotations && annotations.open >= 0 && annotations.close < annotations.open;
    if (code === QUOTE) {
      const start = index + 1;
      const end = closingQuoteOf(bytes, start);
      index = end === -1 ? length : end;
      tally.markValue();
      lastString = depth === 1 ? keptKey(bytes, start, index) : '';
      lastStringStart = depth === 1 ? start : -1;
      lastStringEnd = index;
    } else if (code === COLON) {
      if (depth === 1) {
        topLevelKey = lastString;
        valueIsAnnotations = lastStringStart >= 0 && decodedKey(bytes, lastStringStart, lastStringEnd) === 'annotations';
        if (valueIsAnnotations) annotations.keys += 1;
      }
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (depth === 1 && valueIsAnnotations && code === OPEN_BRACKET) {
        annotations.open = index;
        annotations.commas = [];
      }
      tally.open();
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (inAnnotations) annotations.close = index;
      tally.close(topLevelKey);
    } else if (code === COMMA) {
      tally.comma();
      if (depth === 1) valueIsAnnotations = false;
      else if (inAnnotations && annotations.commas.push(index) >= stopAfterElements) break;
    } else tally.markValue();
  }
  return { shape: tally.shape(), annotations };
}

/**
 * What JSON.parse gives for the file's text, parsed in slices (see above), or undefined when
 * only a parse of the whole text can tell (then the caller parses it and reports its error).
 */
export async function parseAnnotationJsonInSlices(bytes: Buffer, from: number, annotations: AnnotationsArray, signal?: AbortSignal): Promise<unknown> {
  const skeleton = skeletonOf(bytes, from, annotations);
  if (skeleton === undefined) return undefined;
  const elements = await elementsOf(bytes, annotations.open, annotations.close, annotations.commas, signal);
  if (elements === undefined) return undefined;
  skeleton.annotations = elements;
  return skeleton;
}

/** The file's text with its `annotations` array emptied, parsed (undefined when that is not an object with that one array). */
export function skeletonOf(bytes: Buffer, from: number, { keys, open, close }: AnnotationsArray): Record<string, unknown> | undefined {
  if (keys !== 1 || open < 0 || close < open) return undefined;
  let skeleton: unknown;
  try {
    skeleton = JSON.parse(bytes.toString('utf8', from, open + 1) + bytes.toString('utf8', close));
  } catch {
    return undefined;
  }
  if (typeof skeleton !== 'object' || skeleton === null || Array.isArray(skeleton)) return undefined;
  const emptied = (skeleton as Record<string, unknown>).annotations;
  return Array.isArray(emptied) && emptied.length === 0 ? (skeleton as Record<string, unknown>) : undefined;
}

/**
 * (#17) The file's skeleton (everything but the `annotations` array) with only the first `count`
 * elements of that array, parsed as parseAnnotationJsonInSlices would parse them: an article's
 * first page of annotations, sent before the whole file is parsed. Undefined when only a parse
 * of the whole text can tell (the caller then waits for it).
 */
export function parseAnnotationJsonHead(bytes: Buffer, from: number, annotations: AnnotationsArray, count: number): { value: Record<string, unknown>; total: number } | undefined {
  const { open, close, commas } = annotations;
  const skeleton = commas.length === 0 ? undefined : skeletonOf(bytes, from, annotations);
  if (skeleton === undefined) return undefined;
  const boundaries = [open, ...commas, close];
  const total = boundaries.length - 1;
  const last = Math.min(count, total);
  let group: unknown;
  try {
    group = JSON.parse(bracketed(bytes, open + 1, boundaries[last]));
  } catch {
    return undefined;
  }
  if (!Array.isArray(group) || group.length !== last) return undefined;
  return { value: { ...skeleton, annotations: group }, total };
}

/** The elements between `[` at `open` and `]` at `close`, separated by the commas at `commas`, a group a turn. */
async function elementsOf(bytes: Buffer, open: number, close: number, commas: readonly number[], signal?: AbortSignal): Promise<unknown[] | undefined> {
  const boundaries = [open, ...commas, close];
  const count = boundaries.length - 1;
  const elements: unknown[] = [];
  for (let first = 0; first < count; first += PARSE_SLICE_ELEMENTS) {
    if (first > 0) {
      await nextTurn();
      signal?.throwIfAborted();
    }
    const last = Math.min(first + PARSE_SLICE_ELEMENTS, count);
    let group: unknown;
    try {
      group = JSON.parse(bracketed(bytes, boundaries[first] + 1, boundaries[last]));
    } catch {
      return undefined;
    }
    // A group of whitespace, or a comma too many, gives another count than the scan's: not JSON
    // as a whole. (With no comma at all, the array may be empty.)
    const expected = last - first;
    if (!Array.isArray(group) || (group.length !== expected && !(commas.length === 0 && group.length === 0))) return undefined;
    for (const element of group as unknown[]) elements.push(element);
  }
  return elements;
}

/** `[`, the text of `bytes` from `start` to `end`, `]`: decoded once into a flat string (a concatenation is copied again by JSON.parse). */
export function bracketed(bytes: Buffer, start: number, end: number): string {
  const group = Buffer.allocUnsafe(end - start + 2);
  group[0] = OPEN_BRACKET;
  bytes.copy(group, 1, start, end);
  group[group.length - 1] = CLOSE_BRACKET;
  return group.toString('utf8');
}

type AnnotationJsonScan = Awaited<ReturnType<typeof scanAnnotationJson>>;

/**
 * (#17) The last scan made ahead of a parse (an article's first page read before its whole file:
 * annotationFilePreview.ts), taken once by the parse of the same bytes, so that 39 MB are not
 * scanned twice. Bytes read again are compared, never trusted: a file changed meanwhile is scanned anew.
 */
let scannedAhead: { bytes: Buffer; from: number; scan: AnnotationJsonScan } | null = null;

export async function scanAnnotationJsonAhead(bytes: Buffer, from: number): Promise<AnnotationJsonScan> {
  const scan = await scanAnnotationJson(bytes, from);
  scannedAhead = { bytes, from, scan };
  return scan;
}

function takeScanAhead(bytes: Buffer, from: number): AnnotationJsonScan | null {
  const ahead = scannedAhead;
  scannedAhead = null;
  return ahead !== null && ahead.from === from && (ahead.bytes === bytes || ahead.bytes.equals(bytes)) ? ahead.scan : null;
}

/** An annotation file's bytes, measured against the limits, then parsed and validated. */
export type CheckedAnnotationJson = { kind: 'refused'; message: string } | { kind: 'read'; shape: JsonShape; parsed: ParsedAnnotationFile };

const UTF8_MARK = [0xef, 0xbb, 0xbf];

/** Where the JSON starts in UTF-8 bytes: past a byte-order mark, if any. */
export function jsonStartOf(bytes: Buffer): number {
  return UTF8_MARK.every((byte, index) => bytes[index] === byte) ? UTF8_MARK.length : 0;
}

/**
 * checkAnnotationBytes then parseAnnotationFile, giving the event loop a turn every few
 * megabytes (see above): the same refusals and the same parse. Bytes that are not UTF-8 take
 * the usual path (their shape is measured as a lenient decoder reads them, and the file is
 * reported as not UTF-8). `signal`: a parse nobody waits for any more (suggestions for an article
 * the window has left) stops at its next turn, rejecting with the signal's reason.
 */
export async function checkAndParseAnnotationBytes(name: string, bytes: Buffer, limits: InputLimits = INPUT_LIMITS, signal?: AbortSignal): Promise<CheckedAnnotationJson> {
  if (!isUtf8(bytes)) {
    const checked = checkAnnotationBytes(name, bytes, limits);
    if (checked.kind === 'refused') return checked;
    return { kind: 'read', shape: checked.shape, parsed: { ok: false, problem: { kind: 'syntax', message: `${path.basename(name)} is not valid UTF-8.` } } };
  }
  const from = jsonStartOf(bytes);
  const { shape, annotations } = takeScanAhead(bytes, from) ?? (await scanAnnotationJson(bytes, from, Infinity, signal));
  const problem = annotationShapeProblem(name, shape, limits);
  if (problem !== null) return { kind: 'refused', message: problem };
  await nextTurn();
  signal?.throwIfAborted();
  const raw = await parseAnnotationJsonInSlices(bytes, from, annotations, signal);
  if (raw !== undefined) return { kind: 'read', shape, parsed: annotationFileOf(raw) };
  // Something only a parse of the whole text can tell about (a syntax error to name, a second mark...).
  await nextTurn();
  return { kind: 'read', shape, parsed: parseAnnotationFile(decodeAnnotationBytes(bytes) ?? '') };
}
