/**
 * Readers for each kind of corpus file, on top of corpusFileAccess: the limit that applies to
 * the kind, and the message a refusal gives for it. Everything that reads an article, a
 * configuration file or an annotation file of a corpus goes through here or corpusFileAccess.
 */
import path from 'node:path';
import { closeSync, fstatSync, lstatSync, openSync, readSync, constants } from 'node:fs';
import { checkCorpusFileSync, CONFIGURATION_FILE_BYTES, CorpusFileRefusedError, readCorpusFile, readCorpusFileSync, readExistingCorpusFile, type CorpusFileBytes, type CorpusFileCheck } from './corpusFileAccess';
import { INPUT_LIMITS, InputLimitError, refusedReadMessage, type InputLimits } from './inputLimits';
import type { UserProblem } from '../../../shared/userProblem';
import { problemOfError } from '../problems/userProblems';

/**
 * An article's bytes, read within the article limit. Throws InputLimitError (the usual size
 * message) for one too large, CorpusFileRefusedError for one outside the corpus or not a regular
 * file, and ENOENT for one that does not exist.
 */
export async function readArticleBytes(root: string, articlePath: string, limits: InputLimits = INPUT_LIMITS): Promise<CorpusFileBytes> {
  try {
    return await readExistingCorpusFile(root, articlePath, { maxBytes: limits.articleBytes });
  } catch (error) {
    if (error instanceof CorpusFileRefusedError && error.refusal === 'too-large') throw new InputLimitError(refusedReadMessage(error, limits.articleBytes, 'article'));
    throw error;
  }
}

/** readArticleBytes, synchronously, against the corpus's real root (for batch readers such as the export). */
export function readArticleBytesSync(rootReal: string, articlePath: string, limits: InputLimits = INPUT_LIMITS): Buffer {
  let read: CorpusFileBytes | null;
  try {
    read = readCorpusFileSync(rootReal, articlePath, { maxBytes: limits.articleBytes });
  } catch (error) {
    if (error instanceof CorpusFileRefusedError && error.refusal === 'too-large') throw new InputLimitError(refusedReadMessage(error, limits.articleBytes, 'article'));
    throw error;
  }
  if (read === null) throw Object.assign(new Error(`ENOENT: no such file, open '${articlePath}'`), { code: 'ENOENT', path: articlePath });
  return read.bytes;
}

/**
 * The text of a UTF-8 annotation file of the corpus (`NAME.ann.json`, an annotator's file), for
 * readers that only summarise it (search, suggestions, statistics, export): null when it is absent.
 * Refusals are thrown as CorpusFileRefusedError, for the caller to skip and report the file.
 */
export async function readAnnotationText(root: string, file: string, limits: InputLimits = INPUT_LIMITS): Promise<string | null> {
  const read = await readCorpusFile(root, file, { maxBytes: limits.annotationFileBytes });
  return read === null ? null : read.bytes.toString('utf8');
}

/** readAnnotationText, synchronously, against the corpus's real root. */
export function readAnnotationTextSync(rootReal: string, file: string, limits: InputLimits = INPUT_LIMITS): string | null {
  const read = readCorpusFileSync(rootReal, file, { maxBytes: limits.annotationFileBytes });
  return read === null ? null : read.bytes.toString('utf8');
}

/** A configuration file of the corpus (`hashiye.json`, `annotation.conf`, `visual.conf`) as read. */
export type ConfigurationRead = { kind: 'absent' } | { kind: 'refused'; message: string; userProblem: UserProblem } | { kind: 'read'; text: string };

/** Reads a configuration file of the corpus as UTF-8 text, within CONFIGURATION_FILE_BYTES. */
export async function readConfigurationFile(root: string, file: string): Promise<ConfigurationRead> {
  try {
    const read = await readCorpusFile(root, file, { maxBytes: CONFIGURATION_FILE_BYTES });
    return read === null ? { kind: 'absent' } : { kind: 'read', text: read.bytes.toString('utf8') };
  } catch (error) {
    if (error instanceof CorpusFileRefusedError) return { kind: 'refused', message: error.message, userProblem: problemOfError(error) };
    throw error;
  }
}

// Not defined on Windows: 0 adds nothing there.
const HEAD_OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/**
 * The first bytes of an article (enough to tell text from binary), read into `buffer`, from a
 * path already checked with checkCorpusFileSync (whose real path is given). The open does not
 * block and is checked again on the handle: a FIFO swapped in since the check is refused.
 */
export function readArticleHeadSync(file: string, realPath: string, buffer: Buffer): Uint8Array {
  const descriptor = openSync(realPath, HEAD_OPEN_FLAGS);
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw new CorpusFileRefusedError(file, 'not-regular-file', 'it stopped being a regular file while it was listed');
    return buffer.subarray(0, readSync(descriptor, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(descriptor);
  }
}

/**
 * (#25) checkCorpusFileSync for a file the walk found in a real folder of the corpus (`file` is
 * that folder's real path and the file's name): one `lstat`, and a regular file is inside the
 * corpus without more (its folder is real, and a regular file is no link). Anything else (a
 * link, a FIFO, a folder put in its place since the walk, an error) gets the full check.
 */
export function checkWalkedFileSync(rootReal: string, file: string): CorpusFileCheck {
  let stats;
  try {
    stats = lstatSync(file, { throwIfNoEntry: false });
  } catch {
    return checkCorpusFileSync(rootReal, file, { folderIsReal: true });
  }
  if (stats === undefined) return { kind: 'absent' };
  return stats.isFile() ? { kind: 'regular', realPath: file, stats } : checkCorpusFileSync(rootReal, file, { folderIsReal: true });
}

/** The message a listing shows for a corpus file it did not read. */
export function skippedFileMessage(error: CorpusFileRefusedError): string {
  return `${path.basename(error.file)} was skipped: ${error.detail}.`;
}
