import { decodeArticle, type DecodedArticle } from '../article/articleDecoder';
import { readEncodingRecord } from '../article/encodingRecord';
import { resolveInCorpus } from '../corpus/corpusPaths';
import { readArticleBytes } from '../corpus/confinedReaders';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import { loadAnnotations, saveAnnotations, type LoadedAnnotations } from '../storage/annotationStore';
import type { WriteTurn } from '../corpus/corpusSearch';

/** An article of the corpus as the entity services read it: decoded as its annotation file records. */
export interface EntityArticle {
  id: string;
  path: string;
  article: DecodedArticle;
}

export async function readEntityArticle(root: string, id: string): Promise<EntityArticle> {
  const articlePath = resolveInCorpus(root, id);
  const bytes = (await readArticleBytes(root, articlePath)).bytes;
  return { id, path: articlePath, article: decodeArticle(bytes, { record: await readEncodingRecord(root, articlePath) }) };
}

/**
 * Rewrites one article's annotations with `change` (read inside the write turn, so it changes the
 * file as it is then); the file is written only when `change` returns a different list. Returns
 * the problem's message when the annotation file cannot be used (it is then left alone).
 */
export async function rewriteAnnotations(
  located: EntityArticle,
  write: WriteTurn,
  change: (annotations: StoredAnnotation[], loaded: LoadedAnnotations) => StoredAnnotation[] | null,
): Promise<{ written: boolean } | { problem: string }> {
  return write(located.path, async () => {
    const loaded = await loadAnnotations(located.path, located.article);
    if (loaded.problem) return { problem: loaded.problem.message };
    const annotations = change(loaded.annotations, loaded);
    if (annotations === null) return { written: false };
    await saveAnnotations(located.path, located.article, {
      status: loaded.status === 'new' && annotations.length > 0 ? 'in-progress' : loaded.status,
      annotations,
      relations: loaded.relations,
      labels: loaded.labels,
    });
    return { written: true };
  });
}
