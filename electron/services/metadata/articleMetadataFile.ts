import path from 'node:path';
import { parseMetadataFile, serializeMetadataFile, cleanMetadata, metadataPathFor, type ArticleMetadata } from '../../../shared/metadata/articleMetadata';
import type { ArticleMetadataState, MetadataProblem } from '../../../shared/metadata/metadataWire';
import { assertWritableInCorpus, CorpusFileRefusedError, readCorpusFile, readCorpusFileSync } from '../corpus/corpusFileAccess';
import { decodeAnnotationBytes } from '../corpus/inputLimits';
import { writeFileAtomic } from '../storage/atomicWrite';
import { withFileLock } from '../storage/annotationFileLock';
import { writeAccessRefusal } from '../storage/writeAccess';
import { namingFile, withUserProblem } from '../problems/userProblems';
import { mergeFields } from '../../../shared/model/fieldMerge';

/**
 * (#21) An article's `NAME.meta.json`: read through the corpus's confined access (a link out of
 * the corpus, a FIFO, a device or a file over the limit is refused like any corpus file), and
 * written atomically. A file that does not parse is never overwritten: the save is refused with
 * the same coded problem the read gives, and the window keeps the editor read-only. So is a file
 * the user may not write (#17): it opens read-only with the reason. Saves hold the file's lock
 * (as annotation files do) and three-way merge with the disk (#17): another writer's change to
 * another field stands, a change to the same field is `metadataConflict` and nothing is written.
 */

/** Metadata is a few fields; a megabyte is far beyond any real one and keeps a hostile file from filling memory. */
export const METADATA_FILE_BYTES = 1024 * 1024;

interface MetadataRead {
  state: ArticleMetadataState;
  /** Fields of the file the app does not know, to write back untouched. */
  extra: Record<string, unknown>;
}

function problemOf(file: string, error: unknown): MetadataProblem {
  const shown = path.basename(file);
  if (error instanceof CorpusFileRefusedError) return { code: 'metadataRefused', file: shown, detail: error.message.slice(0, 2000) };
  return { code: 'metadataUnreadable', file: shown, detail: (error instanceof Error ? error.message : String(error)).slice(0, 2000) };
}

function fromBytes(file: string, bytes: Buffer): MetadataRead {
  const shown = path.basename(file);
  const text = decodeAnnotationBytes(bytes);
  if (text === null) return broken({ code: 'metadataSyntax', file: shown, detail: 'The file is not valid UTF-8.' });
  const parsed = parseMetadataFile(text);
  if (!parsed.ok) {
    const { problem } = parsed;
    return broken(
      problem.kind === 'syntax'
        ? { code: 'metadataSyntax', file: shown, detail: problem.detail.slice(0, 2000) }
        : { code: 'metadataSchema', file: shown, field: problem.field.slice(0, 400), detail: problem.detail.slice(0, 2000) },
    );
  }
  return { state: { metadata: parsed.metadata, exists: true, problem: null }, extra: parsed.extra };
}

function broken(problem: MetadataProblem): MetadataRead {
  return { state: { metadata: {}, exists: true, problem }, extra: {} };
}

const ABSENT: MetadataRead = { state: { metadata: {}, exists: false, problem: null }, extra: {} };

async function readMetadata(root: string, articlePath: string): Promise<MetadataRead> {
  const file = metadataPathFor(articlePath);
  try {
    const read = await readCorpusFile(root, file, { maxBytes: METADATA_FILE_BYTES });
    return read === null ? ABSENT : fromBytes(file, read.bytes);
  } catch (error) {
    return broken(problemOf(file, error));
  }
}

/** The metadata of the article at `articlePath` (inside `root`): absent, read, or why it cannot be used (or written). */
export async function loadArticleMetadata(root: string, articlePath: string): Promise<ArticleMetadataState> {
  const { state } = await readMetadata(root, articlePath);
  if (state.problem || !state.exists) return state;
  const file = metadataPathFor(articlePath);
  const refusal = await writeAccessRefusal(file);
  return refusal ? { ...state, problem: { code: 'metadataReadOnly', file: path.basename(file), detail: refusal.message.slice(0, 2000) } } : state;
}

/** Two writers changed the same fields differently: nothing is written (#17). */
function conflictOf(file: string, fields: readonly string[]): Error {
  const shown = path.basename(file);
  return withUserProblem(new Error(`${shown} was changed by another window or program in the same fields (${fields.join(', ')}); nothing was written.`), {
    code: 'metadataConflict',
    file: shown,
    fields: fields.slice(0, 20),
  });
}

/** loadArticleMetadata, synchronously, against the corpus's real root (for batch readers such as the export). */
export function loadArticleMetadataSync(rootReal: string, articlePath: string): ArticleMetadataState {
  const file = metadataPathFor(articlePath);
  try {
    const read = readCorpusFileSync(rootReal, file, { maxBytes: METADATA_FILE_BYTES });
    return read === null ? ABSENT.state : fromBytes(file, read.bytes).state;
  } catch (error) {
    return broken(problemOf(file, error)).state;
  }
}

/** Saves of one file wait for the one before, so two quick edits never interleave their read and write. */
const pendingSaves = new Map<string, Promise<unknown>>();

/**
 * Writes the edited fields into `NAME.meta.json`, keeping the fields the app does not know. The
 * file is read again first: when it has a problem now (broken by hand, replaced by a FIFO), it
 * is left as it is and the problem is returned with `saved: false`. `base` is what the editor
 * opened: the fields merge with the disk's (a field only the other writer changed keeps its
 * value); without one, the edited fields replace the disk's.
 */
export async function saveArticleMetadata(root: string, articlePath: string, metadata: ArticleMetadata, base?: ArticleMetadata): Promise<ArticleMetadataState & { saved: boolean }> {
  const file = metadataPathFor(articlePath);
  const previous = pendingSaves.get(file) ?? Promise.resolve();
  const save = previous
    .catch(() => undefined)
    .then(() =>
      withFileLock(file, async () => {
        const current = await readMetadata(root, articlePath);
        if (current.state.problem) return { ...current.state, saved: false };
        let cleaned = cleanMetadata(metadata);
        if (base !== undefined) {
          const merge = mergeFields<ArticleMetadata>(cleanMetadata(base), current.state.metadata, cleaned);
          if (merge.conflicts.length > 0) throw conflictOf(file, merge.conflicts);
          cleaned = merge.merged;
        }
        await assertWritableInCorpus(root, file);
        try {
          await writeFileAtomic(file, serializeMetadataFile(cleaned, current.extra), { backup: false });
        } catch (error) {
          throw namingFile(error, file);
        }
        return { metadata: cleaned, exists: true, problem: null, saved: true };
      }),
    );
  pendingSaves.set(file, save);
  try {
    return await save;
  } finally {
    if (pendingSaves.get(file) === save) pendingSaves.delete(file);
  }
}
