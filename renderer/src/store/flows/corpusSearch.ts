import { api } from '../../api';
import { problemOf } from '../../ipcError';
import { useArticleViewStore } from '../articleViewStore';
import { corpusSearchActions, useCorpusSearchStore } from '../corpusSearchStore';
import { flushSave } from '../saving/autosave';
import { openArticle } from './article';

/** The corpus-wide search: main searches and tags the files, so the window's edits are saved first. */

export async function searchCorpus(): Promise<void> {
  const { query, wholeWords } = useCorpusSearchStore.getState();
  if (query.trim() === '') return;
  corpusSearchActions.searchStarted();
  try {
    await flushSave();
    corpusSearchActions.showResult(await api().corpus.search({ query, wholeWords }));
  } catch (error) {
    corpusSearchActions.failed(problemOf(error));
  }
}

async function reloadOpenArticle(): Promise<void> {
  const article = useArticleViewStore.getState().article;
  if (article) await openArticle(article.id, { reload: true });
}

export async function tagAllInCorpus(type: string): Promise<void> {
  const { query, wholeWords } = useCorpusSearchStore.getState();
  corpusSearchActions.stepStarted();
  try {
    await flushSave();
    const result = await api().corpus.tagAll({ query, wholeWords, type });
    corpusSearchActions.taggedAll(result, type);
    await reloadOpenArticle();
  } catch (error) {
    corpusSearchActions.failed(problemOf(error));
  }
}

export async function undoTagAllInCorpus(): Promise<void> {
  const { lastTagAll } = useCorpusSearchStore.getState();
  if (!lastTagAll) return;
  corpusSearchActions.stepStarted();
  try {
    await flushSave();
    await api().corpus.undoTagAll({ batchId: lastTagAll.batchId });
    corpusSearchActions.tagAllUndone();
    await reloadOpenArticle();
  } catch (error) {
    corpusSearchActions.failed(problemOf(error));
  }
}
