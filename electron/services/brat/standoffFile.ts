import path from 'node:path';
import { parseStandoff, type StandoffDocument } from '../../../shared/brat/standoffDocument';
import { readFileInOwnFolder } from '../corpus/corpusFileAccess';
import { INPUT_LIMITS } from '../corpus/inputLimits';
import { decodeUtf8Strictly } from '../article/strictUtf8';
import { sha256Of } from '../corpus/watchedFileState';

/** Reading a brat `NAME.ann` file: confined, strict UTF-8, and read again while another writer is half way. */

export class UnreadableStandoffError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableStandoffError';
  }
}

/**
 * Reads `NAME.ann`: null when it does not exist. The bytes must be UTF-8 (brat writes nothing
 * else); a file that is not is refused rather than decoded lossily, so it is never overwritten.
 */
export async function readStandoffFile(annotationPath: string): Promise<StandoffDocument | null> {
  return (await readStandoffFileAndBytes(annotationPath)).document;
}

/** readStandoffFile, with the bytes read (null with the document when there is no file). */
export async function readStandoffFileAndBytes(annotationPath: string): Promise<{ document: StandoffDocument | null; bytes: Buffer | null }> {
  // In the article's own folder (reached through no link), a regular file, within the annotation file limit (corpusFileAccess).
  const read = await readFileInOwnFolder(annotationPath, { maxBytes: INPUT_LIMITS.annotationFileBytes });
  if (read === null) return { document: null, bytes: null };
  return { document: decodeStandoff(annotationPath, read.bytes), bytes: read.bytes };
}

function decodeStandoff(annotationPath: string, bytes: Buffer): StandoffDocument {
  const content = decodeUtf8Strictly(bytes, 'keep');
  if (content === null) throw new UnreadableStandoffError(`${path.basename(annotationPath)} is not valid UTF-8; it is left untouched.`);
  return parseStandoff(content);
}

/** Reads `NAME.ann` until two reads agree (at most ~200 ms): a plain writer's half-written file parses too, as fewer lines. */
export async function readStandoffSettled(annotationPath: string, expectedSha256: string | null | undefined): Promise<{ document: StandoffDocument | null; bytes: Buffer | null }> {
  let read = await readStandoffFileAndBytes(annotationPath);
  // The bytes this window last read or wrote: nobody is writing.
  if (expectedSha256 !== undefined && (read.bytes === null ? expectedSha256 === null : sha256Of(read.bytes) === expectedSha256)) return read;
  for (let attempt = 0; attempt < 8; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 5 + attempt * 5));
    const again = await readStandoffFileAndBytes(annotationPath);
    const same = again.bytes === null ? read.bytes === null : read.bytes !== null && again.bytes.equals(read.bytes);
    read = again;
    if (same) break;
  }
  return read;
}
