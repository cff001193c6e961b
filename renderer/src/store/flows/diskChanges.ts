import { api } from '../../api';
import { appCatalog } from '../../i18n/catalog/app';
import { catalogText } from '../../i18n/catalog/defineCatalog';
import { problemOf } from '../../ipcError';
import { articleViewActions, useArticleViewStore } from '../articleViewStore';
import { corpusViewActions } from '../corpusViewStore';
import { currentLanguage } from '../preferencesStore';
import { flushSave, syncWithDisk } from '../saving/autosave';
import { windowActions } from '../window/windowStore';
import { openArticle } from './article';

/** Changes made outside the window (another program, another instance) and broken files moved aside. */

/** Another program changed the open article's text: save what we have, then reload (re-anchored in main). */
export async function onArticleChangedOnDisk(id: string): Promise<void> {
  if (useArticleViewStore.getState().article?.id !== id) return;
  await flushSave();
  await openArticle(id, { reload: true });
}

/**
 * Another writer changed the open article's annotation file: a save merges its changes with
 * this window's (asking about conflicts), never a reload over unsaved edits. A broken file is
 * read again instead: it may have been mended.
 */
export async function onAnnotationsChangedOnDisk(id: string): Promise<void> {
  const article = useArticleViewStore.getState().article;
  if (article?.id !== id) return;
  if (article.problem) await openArticle(id, { reload: true });
  else await syncWithDisk(id);
}

/** Renames a broken annotation file aside (it is kept, never deleted) and reopens the article afresh. */
export async function moveBrokenFileAside(): Promise<void> {
  const { article } = useArticleViewStore.getState();
  if (!article?.problem) return;
  try {
    const { movedTo } = await api().annotations.moveAside({ id: article.id });
    windowActions.showNotice(catalogText(appCatalog, currentLanguage())('brokenFileKept', { file: movedTo }));
    await openArticle(article.id, { reload: true });
    const refreshed = await api().corpus.refresh({});
    if (refreshed) corpusViewActions.showCorpus(refreshed);
  } catch (error) {
    articleViewActions.showError(problemOf(error));
  }
}
