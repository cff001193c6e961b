import path from 'node:path';
import { parseAnnotationFile } from '../../../shared/model/readAnnotationFile';
import type { AnnotationFile } from '../../../shared/model/nativeFormat';
import { annotationPathFor } from '../storage/annotationStore';
import type { DecodedArticle } from './articleDecoder';
import { writeFileAtomic } from '../storage/atomicWrite';
import { decodeAnnotationBytes, INPUT_LIMITS } from '../corpus/inputLimits';
import { readFileInOwnFolder } from '../corpus/corpusFileAccess';
import type { ReanchorOutcome } from './reanchorAnnotationFile';

/**
 * Re-anchoring as an article is opened (reanchorAnnotationFile.ts does the placing). The placing
 * and diff-match-patch, which it needs, are loaded only when an article did change (#25): every
 * start of the command line used to parse diff-match-patch's source for nothing.
 */

export interface ReanchoredOnLoad extends ReanchorOutcome {
  /** The JSON written to `NAME.ann.json` (hash it for `CorpusWatcher.noteOwnWrite`), or null when not written. */
  written: string | null;
}

/**
 * For `article.load`: if `NAME.ann.json` exists, parses, and was made on another version of the
 * article, re-anchors it and (with `write`) saves the result at once (the previous file stays
 * as `NAME.ann.json.bak`), so that the file's offsets follow the text before the user edits
 * anything. Returns null when there is nothing to do: no file, a file that does not parse
 * (left alone; `loadAnnotations` reports it), or the same SHA-256.
 */
export async function reanchorOnLoad(articlePath: string, article: DecodedArticle, options: { write: boolean }): Promise<ReanchoredOnLoad | null> {
  const annotationPath = annotationPathFor(articlePath);
  // In the article's own folder (reached through no link), a regular file, within the limit (corpusFileAccess).
  const read = await readFileInOwnFolder(annotationPath, { maxBytes: INPUT_LIMITS.annotationFileBytes });
  if (read === null) return null;
  const { bytes } = read;
  // Decoded strictly: a file that is not UTF-8 does not parse, and is left alone.
  const raw = decodeAnnotationBytes(bytes);
  if (raw === null) return null;
  const parsed = parseAnnotationFile(raw);
  return parsed.ok ? reanchorParsedOnLoad(articlePath, article, parsed.file, options) : null;
}

/**
 * `reanchorOnLoad` for a file the caller has already read and parsed: null when it was made on
 * this version of the article, otherwise re-anchored (and with `write`, saved at once).
 */
export async function reanchorParsedOnLoad(articlePath: string, article: DecodedArticle, file: AnnotationFile, options: { write: boolean }): Promise<ReanchoredOnLoad | null> {
  if (file.source.sha256 === article.sha256) return null;
  const { reanchorAnnotationFile } = await import('./reanchorAnnotationFile');
  const outcome = reanchorAnnotationFile({ ...file, source: { ...file.source, file: path.basename(articlePath) } }, article);
  if (!options.write) return { ...outcome, written: null };
  const json = `${JSON.stringify(outcome.file, null, 2)}\n`;
  await writeFileAtomic(annotationPathFor(articlePath), json, { backup: true });
  return { ...outcome, written: json };
}
