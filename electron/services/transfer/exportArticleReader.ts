import path from 'node:path';
import { standoffToNative } from '../../../shared/brat/nativeBridge';
import { parseStandoff } from '../../../shared/brat/standoffDocument';
import type { ExportDocument, ExportProblem } from '../../../shared/formats/exportTypes';
import type { ArticleStatus } from '../../../shared/model/status';
import { parseAnnotationFile, type ParsedAnnotationFile } from '../../../shared/model/readAnnotationFile';
import { annotationPathFor } from '../storage/annotationStore';
import { encodingRecordOf } from '../article/sourceRecord';
import { bratAnnotationPathFor } from '../brat/bratStore';
import { readAnnotationTextSync, readArticleBytesSync } from '../corpus/confinedReaders';
import { readCorpusFileSync, realCorpusRoot } from '../corpus/corpusFileAccess';
import { INPUT_LIMITS } from '../corpus/inputLimits';
import { decodeUtf8Strictly } from '../article/strictUtf8';
import type { UnreadableArticle } from './exportRequest';
import { cutBoilerplate } from '../../../shared/zones/boilerplateCut';
import { loadArticleMetadataSync } from '../metadata/articleMetadataFile';
import { metadataPathFor, type ArticleMetadata } from '../../../shared/metadata/articleMetadata';
import { exportArticleText } from './exportArticleText';
import type { ExportFolderIndex } from './exportFolderIndex';

/**
 * The corpus root's real path, remembered for a few seconds: an export reads thousands of
 * articles of one root, and resolving it for each would cost more than reading small files.
 */
let lastRealRoot: { root: string; real: string; at: number } | null = null;
const REAL_ROOT_TTL_MS = 5000;

function realRootOf(root: string): string {
  const now = Date.now();
  if (lastRealRoot && lastRealRoot.root === root && now - lastRealRoot.at < REAL_ROOT_TTL_MS) return lastRealRoot.real;
  const real = realCorpusRoot(root);
  lastRealRoot = { root, real, at: now };
  return real;
}

/** `updated` and `assignee`: the native file's fields of those names, for the corpus statistics. */
export type ReadArticle = { document: ExportDocument; status: ArticleStatus; updated?: string; assignee?: string } | { unreadable: UnreadableArticle; status: ArticleStatus };

/** The article's bytes: through the export's folder index when it is sure of the file (valid until its next read), else the confined reader. */
function articleBytesOf(rootReal: string, articlePath: string, folders: ExportFolderIndex | undefined): Buffer {
  const quick = folders?.readInPlace(articlePath, INPUT_LIMITS.articleBytes) ?? 'unsure';
  return typeof quick === 'object' ? quick.bytes : readArticleBytesSync(rootReal, articlePath);
}

/** The annotation file's text (null: there is none), the same way. */
function annotationTextOf(rootReal: string, file: string, folders: ExportFolderIndex | undefined): string | null {
  const quick = folders?.readText(file, INPUT_LIMITS.annotationFileBytes) ?? 'unsure';
  if (quick === 'absent') return null;
  return typeof quick === 'object' ? quick.text : readAnnotationTextSync(rootReal, file);
}

/**
 * The annotation file read and parsed (`parsed` null: there is none), or why it could not be
 * read. Parsed here rather than through loadAnnotations: the export needs the source tokens, and
 * checks each annotation on its own (one bad span is reported and skipped, not the article).
 */
function annotationFileRead(rootReal: string, file: string, folders: ExportFolderIndex | undefined): { parsed: ParsedAnnotationFile | null } | { error: unknown } {
  try {
    const raw = annotationTextOf(rootReal, file, folders);
    return { parsed: raw === null ? null : parseAnnotationFile(raw) };
  } catch (error) {
    return { error };
  }
}

/** The article's metadata: none without a metadata file (known from the folder index without looking), else the file read. */
function metadataOf(rootReal: string, articlePath: string, folders: ExportFolderIndex | undefined): ArticleMetadata {
  if (folders?.isAbsent(metadataPathFor(articlePath)) === true) return {};
  return loadArticleMetadataSync(rootReal, articlePath).metadata;
}

/**
 * Reads one article and its annotation file as a serializer input, or says why it cannot.
 * Synchronous on purpose: small files read this way cost a tenth of the promise API's four
 * thread-pool round trips, and the export yields to the event loop between batches.
 * `folders`: the export's index of the corpus folders (exportFolderIndex.ts), which spares most
 * of the checks' system calls; without it every file goes through corpusFileAccess alone.
 */
export function readExportDocument(root: string, id: string, folders?: ExportFolderIndex): ReadArticle {
  // Every file through corpusFileAccess: confined to the corpus, regular files, within the limits.
  let rootReal: string;
  try {
    rootReal = realRootOf(root);
  } catch (error) {
    return { unreadable: { article: id, message: `The corpus folder cannot be read: ${(error as Error).message}` }, status: 'new' };
  }
  const articlePath = path.join(rootReal, ...id.split('/'));
  // (#25) The annotation file first: the article's bytes are then decoded where they were read
  // (the folder index's scratch buffer), not copied to outlive the annotation file's read. A
  // failure to read either is reported in the same order as before: the article's first.
  const annotations = annotationFileRead(rootReal, annotationPathFor(articlePath), folders);
  let text: string;
  try {
    const bytes = articleBytesOf(rootReal, articlePath, folders);
    if ('error' in annotations) return { unreadable: { article: id, message: `The annotation file cannot be read: ${(annotations.error as Error).message}` }, status: 'new' };
    const { parsed } = annotations;
    // Decoded as the annotation file records while the article's bytes are the ones it was recorded for (sourceRecord.ts).
    text = exportArticleText(bytes, parsed?.ok ? encodingRecordOf(parsed.file.source) : null);
  } catch (error) {
    return { unreadable: { article: id, message: `The article cannot be read: ${(error as Error).message}` }, status: 'new' };
  }
  const { parsed } = annotations;
  // (#21) The metadata goes with the article into every format that has a place for it; a broken meta file is none.
  const metadata = metadataOf(rootReal, articlePath, folders);
  const described = Object.keys(metadata).length > 0 ? { metadata } : {};
  if (parsed === null) return withMetadata(readBratDocument(rootReal, id, articlePath, text, folders), described);
  if (!parsed.ok) return { unreadable: { article: id, message: `The annotation file is not valid: ${parsed.problem.message}` }, status: 'new' };
  const { file } = parsed;
  // (#21) Boilerplate zones are not the article: cut from the text, offsets shifted (exports and statistics read this).
  const judged = { ...(file.documentLabels && Object.keys(file.documentLabels).length > 0 ? { documentLabels: file.documentLabels } : {}), ...described };
  const { document, cut } = cutBoilerplate({ id, text, annotations: file.annotations, relations: file.relations, ...(file.tokens ? { tokens: file.tokens } : {}), ...judged }, file.zones);
  return {
    document: cut.length > 0 ? { ...document, boilerplateCut: cut } : document,
    status: file.status,
    ...(file.updated ? { updated: file.updated } : {}),
    ...(file.assignee ? { assignee: file.assignee } : {}),
  };
}

function withMetadata(read: ReadArticle, described: { metadata?: ExportDocument['metadata'] }): ReadArticle {
  return 'document' in read ? { ...read, document: { ...read.document, ...described } } : read;
}

/**
 * An article of a brat corpus: its `NAME.ann` read as the app shows it (shared/brat's bridge),
 * lines it cannot show reported as lost, text fields that differ from the article as changed.
 * No `NAME.ann` either: an article without annotations.
 */
function readBratDocument(rootReal: string, id: string, articlePath: string, text: string, folders: ExportFolderIndex | undefined): ReadArticle {
  let bytes: Buffer;
  try {
    const file = bratAnnotationPathFor(articlePath);
    const read = folders?.isAbsent(file) === true ? null : readCorpusFileSync(rootReal, file, { maxBytes: INPUT_LIMITS.annotationFileBytes });
    if (read === null) return { document: { id, text, annotations: [], relations: [] }, status: 'new' };
    bytes = read.bytes;
  } catch (error) {
    return { unreadable: { article: id, message: `The brat annotation file cannot be read: ${(error as Error).message}` }, status: 'new' };
  }
  const content = decodeUtf8Strictly(bytes, 'keep');
  if (content === null) return { unreadable: { article: id, message: 'The brat annotation file is not valid UTF-8.' }, status: 'new' };
  const view = standoffToNative(parseStandoff(content), Array.from(text));
  // Events, normalizations and equivalences have no place in the native model the export reads.
  const unsupported = content.match(/^(E|N|\*)[^\n]*/gm)?.length ?? 0;
  const sourceProblems: ExportProblem[] = [
    ...(unsupported > 0 ? [{ kind: 'source-line' as const, effect: 'omitted' as const, message: `${unsupported} event, normalization or equivalence line(s) (E, N, *) of the .ann file are not exported.` }] : []),
    ...view.unshown.map((line): ExportProblem => ({ kind: 'source-line', effect: 'lost', message: `Line ${line.line} of the .ann file is not exported: ${line.reason}` })),
    ...view.mismatches.map((mismatch): ExportProblem => ({
      kind: 'text-mismatch',
      effect: 'changed',
      annotation: mismatch.id,
      message: `${mismatch.id}'s text in the .ann file is «${mismatch.written}» but the article has «${mismatch.article}»; the article's text is exported.`,
    })),
  ];
  return {
    // The file as read goes with the view: a brat export patches the view onto it (shared/brat/standoffExport.ts).
    document: { id, text, annotations: view.annotations, relations: view.relations, bratSource: content, ...(sourceProblems.length > 0 ? { sourceProblems } : {}) },
    status: view.annotations.length > 0 ? 'in-progress' : 'new',
  };
}
