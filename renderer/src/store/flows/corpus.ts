import type { Corpus } from '../../../../shared/corpusWire';
import type { UserProblem } from '../../../../shared/userProblem';
import { api, openDroppedPath } from '../../api';
import { problemOf } from '../../ipcError';
import { articleViewActions, useArticleViewStore } from '../articleViewStore';
import { corpusViewActions } from '../corpusViewStore';
import { documentActions } from '../documentStore';
import { saveStatusActions } from '../saveStatusStore';
import { discardUnsavedEdits, flushSave } from '../saving/autosave';
import { confirmLeavingUnsaved } from '../saving/closeGuard';
import { openArticle } from './article';
import { fillInStatuses } from './pendingStatuses';
import { afterNextPaint } from '../../dom/afterNextPaint';

/** Opening a corpus (a folder, a drop, main's menu) and taking main's new listing of it. */

/** Shows a corpus from the start. Edits held for the previous corpus are gone by now: leaving it asked first (closeGuard.ts). */
export function showCorpus(corpus: Corpus | null): void {
  discardUnsavedEdits();
  corpusViewActions.showCorpus(corpus);
  // (#25) Asked once the list is drawn: main starts reading the pending statuses when asked.
  if (corpus) void afterNextPaint().then(() => fillInStatuses(corpus)).catch((error: unknown) => articleViewActions.showError(problemOf(error)));
  articleViewActions.closeArticle();
  saveStatusActions.startFresh(false);
  documentActions.load({ articleId: null, annotations: [], relations: [], labels: [], status: 'new' });
}

export async function openFolderDialog(): Promise<void> {
  if (!(await confirmLeavingUnsaved('switch-corpus'))) return;
  try {
    const corpus = await api().corpus.openDialog({});
    if (corpus) showCorpus(corpus);
  } catch (error) {
    articleViewActions.showError(problemOf(error));
  }
}

/**
 * File › Open Folder or Open Recent in main's menu, or a corpus opened from the OS or a second
 * launch (then with the article asked for): edits are saved (or the user asked) before main opens
 * the folder, and the article opens in it.
 */
export async function switchCorpusWhenSafe(token: string, articleId: string | null = null): Promise<void> {
  if (!(await confirmLeavingUnsaved('switch-corpus'))) return;
  try {
    const corpus = await api().corpus.confirmSwitch({ token });
    if (!corpus) return;
    showCorpus(corpus);
    if (articleId) await openArticle(articleId);
  } catch (error) {
    articleViewActions.showError(problemOf(error));
  }
}

/** A path opened from the OS or a second launch that opens nothing: the window says why, in the user's language. */
export function showOpenRefused(problem: UserProblem): void {
  articleViewActions.showError(problem);
}

/** A folder or article dropped onto the window: main resolves and opens it. */
export async function openDroppedFile(file: File): Promise<void> {
  if (!(await confirmLeavingUnsaved('switch-corpus'))) return;
  try {
    const { corpus, articleId } = await openDroppedPath(file);
    showCorpus(corpus);
    const first = articleId ?? corpus.articles[0]?.id;
    if (first) await openArticle(first);
  } catch (error) {
    articleViewActions.showError(problemOf(error));
  }
}

/** The tag set was saved (main rewrote the files it renamed): the new listing shows, and the open article is read again. */
/**
 * Writes the tag set with `write` once the article's edits are on disk (a tag-set change reloads
 * the article, which must not drop them), then shows the corpus it answers.
 */
export async function saveTagSet(write: () => Promise<{ corpus: Corpus }>): Promise<void> {
  await flushSave();
  const result = await write();
  await showSavedTagSet(result.corpus);
}

export async function showSavedTagSet(corpus: Corpus): Promise<void> {
  corpusViewActions.showCorpus(corpus);
  const { article } = useArticleViewStore.getState();
  if (article) await openArticle(article.id, { reload: true });
}
