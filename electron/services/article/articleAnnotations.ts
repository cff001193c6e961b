import path from 'node:path';
import type { AnnotationFile } from '../../../shared/model/nativeFormat';
import { findInvariantProblem, parseAnnotationFile } from '../../../shared/model/readAnnotationFile';
import { annotationPathFor, loadAnnotations, parseExisting, saveAnnotations, type LoadedAnnotations, type ParsedExisting, type SaveRequest } from '../storage/annotationStore';
import { decodedTextKey, type DecodedArticle } from './articleDecoder';
import { annotationShapeProblem, checkAnnotationBytes, INPUT_LIMITS, readAnnotationBytesWithinSize, type InputLimits } from '../corpus/inputLimits';
import type { JsonShape } from '../corpus/jsonShapeTally';
import { reanchorParsedOnLoad, type ReanchoredOnLoad } from './reanchorOnLoad';
import { writeAccessRefusal, type WriteRefusal } from '../storage/writeAccess';
import { rememberWrittenAnnotationFile, writtenAnnotationFileFor } from '../storage/writtenAnnotationFile';
import { checkAndParseAnnotationBytes } from '../storage/annotationJson/slicedAnnotationJson';
import { sha256InSlices } from '../storage/sha256InSlices';

/**
 * Opening and saving an article's `NAME.ann.json` with the file read, decoded, measured and
 * parsed once (a 10,000-annotation file is megabytes of JSON: reading and validating it once
 * per step made opening a big article several times slower than it needs to be).
 */

export type OpenedAnnotations =
  /** Too large or too deeply nested to parse safely: the article opens read-only, the file untouched. */
  | { kind: 'refused'; message: string }
  /**
   * `readOnly`: why the file may not be written, asked once here (before re-anchoring would
   * write it) for a file that is absent or parsed with no ambiguous ids; null when it may be.
   * The article then opens read-only, saying why (articleLoading.ts).
   */
  | { kind: 'loaded'; loaded: LoadedAnnotations; reanchored: ReanchoredOnLoad | null; readOnly: WriteRefusal | null };

/** The annotation file as read (size and mtime from before reading, its bytes and their SHA-256), or absent. */
export type UnchangedAnnotationFile = { kind: 'absent' } | { kind: 'read'; bytes: Buffer; size: number; mtimeMs: number; sha256: string };

/**
 * For `article.load`: the limits first, then, if the file was made on another version of the
 * article, every annotation placed again by its text and context and saved at once (so the
 * offsets on disk follow the text), then the annotations checked against the article. A file
 * that does not parse, fails its schema or is not UTF-8 is reported, never written.
 */
export async function openArticleAnnotations(articlePath: string, article: DecodedArticle, limits: InputLimits = INPUT_LIMITS): Promise<OpenedAnnotations> {
  return (await openArticleAnnotationsAndFile(articlePath, article, limits)).opened;
}

/**
 * openArticleAnnotations, and the file as it was read when nothing was written (null when
 * re-anchoring wrote it, or the file was refused), for a watcher's baseline: it need not read
 * and hash the file again.
 */
export async function openArticleAnnotationsAndFile(
  articlePath: string,
  article: DecodedArticle,
  limits: InputLimits = INPUT_LIMITS,
  /** The corpus root the file must be in (see readAnnotationBytesWithinSize). */
  root?: string,
  /** (#17) The parse of a big file nobody waits for any more stops at its next slice (rejecting). */
  signal?: AbortSignal,
): Promise<{ opened: OpenedAnnotations; unchanged: UnchangedAnnotationFile | null }> {
  const annotationPath = annotationPathFor(articlePath);
  let sized: Awaited<ReturnType<typeof readAnnotationBytesWithinSize>>;
  let existing: ParsedExisting;
  /** The text's shape, when the bytes were decoded and measured here (to remember the file as read). */
  let shape: JsonShape | null = null;
  // A file that does not parse may be half written by a program that truncates and then writes:
  // it is read again for about 200 ms before it counts as broken (and the article read-only).
  for (let attempt = 0; ; attempt++) {
    sized = await readAnnotationBytesWithinSize(annotationPath, limits, root);
    if (sized.kind === 'refused') return { opened: sized, unchanged: null };
    // (#17) The bytes this process last wrote or opened and checked: their parse is known (39 MB
    // of JSON for 100,000 annotations took seconds to decode, measure, parse and check again).
    const known = sized.kind === 'bytes' ? writtenAnnotationFileFor(annotationPath, sized.bytes) : null;
    if (known) {
      const problem = annotationShapeProblem(path.basename(annotationPath), known.shape, limits);
      if (problem !== null) return { opened: { kind: 'refused', message: problem }, unchanged: null };
      // Remembered only when its ids were found unambiguous (a file written, or opened usable).
      existing = { kind: 'parsed', parsed: known.parsed, offsetsCheckedFor: known.offsetsCheckedFor, invariant: null };
      break;
    }
    // (#17) Measured and parsed a few megabytes a turn: main goes on answering meanwhile.
    const read = sized.kind === 'absent' ? null : await checkAndParseAnnotationBytes(path.basename(annotationPath), sized.bytes, limits, signal);
    if (read?.kind === 'refused') return { opened: read, unchanged: null };
    shape = read?.shape ?? null;
    existing = read === null ? { kind: 'absent' } : { kind: 'parsed', parsed: read.parsed };
    if (existing.kind === 'absent' || existing.parsed.ok || attempt >= UNSETTLED_RETRY_MS.length) break;
    await new Promise((resolve) => setTimeout(resolve, UNSETTLED_RETRY_MS[attempt]));
  }
  const checked = await checkedForEditing(annotationPath, existing);
  const readOnly = checked.readOnly;
  existing = checked.existing;
  // Never written on opening: a file with ambiguous ids (loadAnnotations reports it), or one the
  // user may not write (the article opens read-only; corpusSession reports it).
  if (existing.kind === 'parsed' && existing.parsed.ok && existing.invariant === null && readOnly === null) {
    const reanchored = await reanchorParsedOnLoad(articlePath, article, existing.parsed.file, { write: true });
    if (reanchored?.written) {
      // What was written is read back from memory, exactly as reading the file again would.
      return { opened: { kind: 'loaded', loaded: await loadAnnotations(articlePath, article, { kind: 'parsed', parsed: parseAnnotationFile(reanchored.written) }), reanchored, readOnly }, unchanged: null };
    }
  }
  const unchanged: UnchangedAnnotationFile = sized.kind === 'absent' ? sized : { kind: 'read', bytes: sized.bytes, size: sized.size, mtimeMs: sized.mtimeMs, sha256: await sha256InSlices(sized.bytes) };
  const loaded = await loadAnnotations(articlePath, article, existing);
  // (#17) A file found usable for this article is remembered as read, as a file written is: the
  // first save after opening (and opening it again) then need not decode and parse it again.
  if (loaded.problem === null && shape !== null && sized.kind === 'bytes' && existing.kind === 'parsed' && existing.parsed.ok) {
    rememberWrittenAnnotationFile({ path: annotationPath, bytes: sized.bytes, shape, parsed: existing.parsed, offsetsCheckedFor: decodedTextKey(article) });
  }
  return { opened: { kind: 'loaded', loaded, reanchored: null, readOnly }, unchanged };
}

/**
 * (#17) The file's ids checked once (loadAnnotations is given the answer), and whether it may be
 * written asked once (the window is told from this answer), for a file that may be used or none yet.
 */
async function checkedForEditing(annotationPath: string, existing: ParsedExisting): Promise<{ existing: ParsedExisting; readOnly: WriteRefusal | null }> {
  const checked = existing.kind === 'parsed' && existing.parsed.ok && existing.invariant === undefined ? { ...existing, invariant: findInvariantProblem(existing.parsed.file) } : existing;
  const usable = checked.kind === 'absent' || (checked.parsed.ok && checked.invariant === null);
  return { existing: checked, readOnly: usable ? await writeAccessRefusal(annotationPath) : null };
}

/** Waits between reads of an annotation file that does not parse: about 200 ms in all. */
const UNSETTLED_RETRY_MS = [10, 20, 30, 40, 50, 50];

export type SavedAnnotations =
  | { kind: 'refused'; message: string }
  | { kind: 'saved'; file: AnnotationFile }
  /** What saveAnnotations threw (SaveRefusedError, SaveFailedError...): the file is as it was. */
  | { kind: 'failed'; error: unknown };

/**
 * For `annotations.save`: refuses (nothing written) an existing file beyond the limits, then
 * saves as `saveAnnotations` does, on the file as read here. Errors reading the file are
 * thrown, apart from what the save itself reports in `failed`.
 */
export async function saveArticleAnnotations(articlePath: string, article: DecodedArticle, request: SaveRequest, limits: InputLimits = INPUT_LIMITS, root?: string): Promise<SavedAnnotations> {
  const annotationPath = annotationPathFor(articlePath);
  const read = await readAnnotationBytesWithinSize(annotationPath, limits, root);
  if (read.kind === 'refused') return read;
  let existing: ParsedExisting;
  if (read.kind === 'absent') {
    existing = read;
  } else {
    // The usual case, saving again after a pause in tagging: the bytes are the ones this process
    // wrote last, whose shape and parse are known. Anything else is decoded, measured and parsed.
    const written = writtenAnnotationFileFor(annotationPath, read.bytes);
    if (written) {
      const problem = annotationShapeProblem(path.basename(annotationPath), written.shape, limits);
      if (problem !== null) return { kind: 'refused', message: problem };
      existing = { kind: 'parsed', parsed: written.parsed, offsetsCheckedFor: written.offsetsCheckedFor };
    } else {
      const checked = checkAnnotationBytes(path.basename(annotationPath), read.bytes, limits);
      if (checked.kind === 'refused') return checked;
      existing = parseExisting(annotationPath, checked);
    }
  }
  try {
    return { kind: 'saved', file: await saveAnnotations(articlePath, article, request, existing) };
  } catch (error) {
    return { kind: 'failed', error };
  }
}
