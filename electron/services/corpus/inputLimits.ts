/**
 * Bounds on what main reads from a corpus, checked before the expensive work (decoding,
 * JSON.parse, schema validation, sending over IPC, rendering), so that a hostile or broken
 * file gets a message naming what is too large instead of a hang or an out-of-memory crash.
 * The bounds are far above real news articles: the performance targets are for 1 MB articles
 * with 10,000 annotations.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CorpusFileRefusedError, readCorpusFile, readFileInOwnFolder } from './corpusFileAccess';
import { englishNumber, megabytes } from '../../../shared/text/megabytes';
import { decodeUtf8Strictly } from '../article/strictUtf8';
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, isJsonWhitespace, JsonShapeTally, OPEN_BRACE, OPEN_BRACKET, QUOTE, type JsonShape } from './jsonShapeTally';

export interface InputLimits {
  /** An article file's size in bytes. */
  articleBytes: number;
  /** An annotation file's size in bytes. */
  annotationFileBytes: number;
  /** Entries in any one JSON array or object of an annotation file (annotations, tokens, ...). */
  collectionEntries: number;
  /** Nesting of arrays and objects in an annotation file. */
  nestingDepth: number;
  /** Annotations, relations or labels in one save request from the window. */
  savedEntries: number;
}

export const INPUT_LIMITS: Readonly<InputLimits> = Object.freeze({
  articleBytes: 16 * 1024 * 1024,
  annotationFileBytes: 64 * 1024 * 1024,
  collectionEntries: 1_000_000,
  nestingDepth: 64,
  // As many as a file may hold when read (collectionEntries): an article that opens can always be
  // saved again. (It was 200,000: an article of 300,000 annotations opened, took edits and never saved.)
  savedEntries: 1_000_000,
});

export class InputLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputLimitError';
  }
}

/** The problem with an article of `byteLength` bytes, or null when it may be opened. */
export function articleSizeProblem(name: string, byteLength: number, limits: InputLimits = INPUT_LIMITS): string | null {
  if (byteLength <= limits.articleBytes) return null;
  return `${name} is ${megabytes(byteLength)}; Hashiye opens articles of up to ${megabytes(limits.articleBytes)}. Split it into smaller articles.`;
}

/** Throws InputLimitError when the article file is too large to open; reads nothing but its size. */
export async function assertArticleWithinLimits(articlePath: string, limits: InputLimits = INPUT_LIMITS): Promise<void> {
  const stat = await fs.stat(articlePath);
  const problem = articleSizeProblem(path.basename(articlePath), stat.size, limits);
  if (problem) throw new InputLimitError(problem);
}

/**
 * The message for an article or annotation file that corpusFileAccess refused to read: the
 * size message this module has always given for one too large, its own reason otherwise.
 */
export function refusedReadMessage(error: CorpusFileRefusedError, limitBytes: number, kind: 'article' | 'annotation'): string {
  const name = path.basename(error.file);
  if (error.refusal === 'too-large' && error.foundBytes !== null) {
    const found = megabytes(error.foundBytes);
    return kind === 'article'
      ? `${name} is ${found}; Hashiye opens articles of up to ${megabytes(limitBytes)}. Split it into smaller articles.`
      : `${name} is ${found}; Hashiye opens annotation files of up to ${megabytes(limitBytes)}. It was left as it is.`;
  }
  return kind === 'article' ? error.message : `${error.message} It was left as it is.`;
}

/**
 * The index of the quote closing a JSON string whose text starts at `start`, or -1. Found by
 * indexOf (most of a file is strings: a loop over each of their characters was most of the
 * scan, #17), skipping quotes escaped by an odd run of backslashes.
 */
function closingQuoteOf(text: string, start: number): number {
  let end = text.indexOf('"', start);
  while (end !== -1) {
    let backslashes = 0;
    while (end - 1 - backslashes >= start && text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}

/**
 * Measures nesting and collection sizes of JSON text in one pass, without building anything
 * (no recursion, constant memory but for the nesting stack). It does not validate: text that is
 * not JSON is measured as far as it goes and left to JSON.parse to reject.
 */
export function inspectJsonShape(text: string): JsonShape {
  const tally = new JsonShapeTally();
  let topLevelKey = '';
  let lastString = '';
  const length = text.length;
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    if (isJsonWhitespace(code)) continue;
    if (code === QUOTE) {
      const start = index + 1;
      const end = closingQuoteOf(text, start);
      index = end === -1 ? length : end;
      tally.markValue();
      // Only keys of the root object are remembered, to name the collection in a message.
      lastString = tally.depth === 1 && index - start <= 64 ? text.slice(start, index) : '';
    } else if (code === COLON) {
      if (tally.depth === 1) topLevelKey = lastString;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) tally.open();
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) tally.close(topLevelKey);
    else if (code === COMMA) tally.comma();
    else tally.markValue();
  }
  return tally.shape();
}

/** The problem with an annotation file's text, or null when it may be parsed. */
export function annotationTextProblem(name: string, text: string, limits: InputLimits = INPUT_LIMITS): string | null {
  return annotationShapeProblem(name, inspectJsonShape(text), limits);
}

/** The problem with an annotation file of this shape (as inspectJsonShape measures it), or null. */
export function annotationShapeProblem(name: string, shape: JsonShape, limits: InputLimits = INPUT_LIMITS): string | null {
  if (shape.maxDepth > limits.nestingDepth) {
    return `${name} is nested ${englishNumber(shape.maxDepth)} levels deep; an annotation file has at most ${limits.nestingDepth}. It was left as it is.`;
  }
  if (shape.largestCollection > limits.collectionEntries) {
    const where = shape.largestCollectionKey ? `"${shape.largestCollectionKey}" holds` : 'it holds';
    return `${name} is too large to open: ${where} ${englishNumber(shape.largestCollection)} entries; Hashiye opens up to ${englishNumber(limits.collectionEntries)}. It was left as it is.`;
  }
  return null;
}

/** An annotation file read once, with its size and shape checked before anything parses it. */
export type AnnotationFileRead =
  | { kind: 'absent' }
  /** Too large or too deeply nested to parse safely: to be left as it is. */
  | { kind: 'refused'; message: string }
  /** `text` is the bytes decoded strictly, null when they are not UTF-8. */
  | { kind: 'read'; bytes: Buffer; text: string | null };

/** UTF-8 text of an annotation file's bytes (strictly decoded), or null when they are not UTF-8. A byte-order mark is dropped. */
export function decodeAnnotationBytes(bytes: Uint8Array): string | null {
  return decodeUtf8Strictly(bytes, 'drop');
}

/**
 * Reads the annotation file at `annotationPath` once: absent, refused (its size is checked
 * before it is read, its shape before it is parsed), or its bytes and their text. Errors
 * other than a missing file (permissions, a folder in its place) are thrown.
 */
export async function readAnnotationFileWithinLimits(annotationPath: string, limits: InputLimits = INPUT_LIMITS, root?: string): Promise<AnnotationFileRead> {
  const read = await readAnnotationBytesWithinSize(annotationPath, limits, root);
  return read.kind === 'bytes' ? checkAnnotationBytes(path.basename(annotationPath), read.bytes, limits) : read;
}

/**
 * The first half of readAnnotationFileWithinLimits: absent, refused for its size (checked
 * before reading), or its bytes, neither decoded nor measured yet. For a caller that may
 * already know those bytes (the file it wrote last) and so can skip decoding and measuring them.
 */
export async function readAnnotationBytesWithinSize(
  annotationPath: string,
  limits: InputLimits = INPUT_LIMITS,
  /** The corpus the file must be in; without it, its own folder, reached through no link (stricter: see readFileInOwnFolder). */
  root?: string,
): Promise<{ kind: 'absent' } | { kind: 'refused'; message: string } | { kind: 'bytes'; bytes: Buffer; size: number; mtimeMs: number }> {
  // Through corpusFileAccess: a link leaving the corpus, a FIFO or a device is refused (the
  // article opens read-only, the file is never written), and the limit counts the bytes read.
  let read;
  try {
    read = root === undefined ? await readFileInOwnFolder(annotationPath, { maxBytes: limits.annotationFileBytes }) : await readCorpusFile(root, annotationPath, { maxBytes: limits.annotationFileBytes });
  } catch (error) {
    if (error instanceof CorpusFileRefusedError) return { kind: 'refused', message: refusedReadMessage(error, limits.annotationFileBytes, 'annotation') };
    throw error;
  }
  if (read === null) return { kind: 'absent' };
  // Size and mtime of the file as read (unchanged from before to after reading), for a watcher's baseline (see KnownFileState).
  return { kind: 'bytes', bytes: read.bytes, size: read.size, mtimeMs: read.mtimeMs };
}

/** The second half of readAnnotationFileWithinLimits: the bytes decoded strictly, then their shape checked. */
export function checkAnnotationBytes(name: string, bytes: Buffer, limits: InputLimits = INPUT_LIMITS): { kind: 'refused'; message: string } | { kind: 'read'; bytes: Buffer; text: string | null; shape: JsonShape } {
  const text = decodeAnnotationBytes(bytes);
  // Bytes that are not UTF-8 are measured as a lenient decoder reads them (the annotation
  // store reports the encoding itself), so that an oversized file is named as such either way.
  const shape = inspectJsonShape(text ?? bytes.toString('utf8'));
  const problem = annotationShapeProblem(name, shape, limits);
  // The shape goes with the text: a file remembered as read (writtenAnnotationFile) is checked against the limits again from it.
  return problem === null ? { kind: 'read', bytes, text, shape } : { kind: 'refused', message: problem };
}

/**
 * The problem with the annotation file at `annotationPath`, or null when it is absent or may be
 * read. Checks its size before reading it, then its shape before anything parses it.
 */
export async function annotationFileLimitProblem(annotationPath: string, limits: InputLimits = INPUT_LIMITS, root?: string): Promise<string | null> {
  const read = await readAnnotationFileWithinLimits(annotationPath, limits, root);
  return read.kind === 'refused' ? read.message : null;
}

/** The problem with a save request from the window, or null when it may be written. */
export function saveRequestProblem(
  request: { annotations: readonly unknown[]; relations: readonly unknown[]; labels: readonly unknown[] },
  limits: InputLimits = INPUT_LIMITS,
): string | null {
  for (const field of ['annotations', 'relations', 'labels'] as const) {
    const count = request[field].length;
    if (count > limits.savedEntries) {
      return `Not saved: ${englishNumber(count)} ${field} is more than the ${englishNumber(limits.savedEntries)} an article can hold.`;
    }
  }
  return null;
}
