import { ModalDialog } from '../app/ModalDialog';
import { selectDomRange } from '../../dom/domPosition';
import { scrollRangeIntoView } from '../../dom/scrollRangeIntoView';
import { whenOffsetRendered } from '../../dom/waitForOffset';
import { openArticle } from '../../store/flows/article';
import { searchCorpus, tagAllInCorpus, undoTagAllInCorpus } from '../../store/flows/corpusSearch';
import { articleViewActions, useArticleViewStore } from '../../store/articleViewStore';
import { corpusSearchActions, useCorpusSearchStore } from '../../store/corpusSearchStore';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { NO_ITEMS } from '../../store/emptyArrays';
import { ProblemText } from '../app/ProblemText';
import { corpusCatalog } from '../../i18n/catalog/corpus';
import { zonesCatalog } from '../../i18n/catalog/zones';
import { useCatalog } from '../../i18n/useCatalog';


/** Opens an article at a hit and selects the hit's text, so a tag key tags it. */
export async function showHit(articleId: string, start: number, end: number): Promise<void> {
  await openArticle(articleId);
  const article = useArticleViewStore.getState().article;
  if (!article || article.id !== articleId) return;
  const from = article.converter.toUtf16(start);
  const to = article.converter.toUtf16(end);
  const root = await whenOffsetRendered(to);
  if (!root) return;
  selectDomRange(root, from, to);
  const selection = window.getSelection();
  if (selection && selection.rangeCount > 0) void scrollRangeIntoView(selection.getRangeAt(0));
  articleViewActions.selectText({ start: from, end: to });
}

/** Search every article with the Persian-aware matching keys; tag all hits in one undoable step. */
export function CorpusSearch() {
  const { open, query, wholeWords, busy, result, previewType, lastTagAll, error } = useCorpusSearchStore();
  const language = usePreferencesStore((state) => state.language);
  const types = useCorpusViewStore((state) => state.corpus?.tagSet.types ?? NO_ITEMS);
  const t = useCatalog(corpusCatalog);
  const z = useCatalog(zonesCatalog);
  if (!open) return null;
  const byArticle = new Map<string, number>();
  for (const hit of result?.hits ?? []) byArticle.set(hit.articleId, (byArticle.get(hit.articleId) ?? 0) + 1);
  return (
    <ModalDialog className="sheet corpus-search" label={t('searchTheCorpus')} onEscape={() => corpusSearchActions.close()} closeOnBackdrop>
        <h2>{t('searchTheWholeCorpus')}</h2>
        <form
          className="search-form"
          onSubmit={(event) => {
            event.preventDefault();
            void searchCorpus();
          }}
        >
          <input
            type="search"
            autoFocus
            dir="auto"
            aria-label={t('corpusSearchQuery')}
            value={query}
            onChange={(event) => corpusSearchActions.changeQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') corpusSearchActions.close();
            }}
          />
          <label className="toggle">
            <input type="checkbox" checked={wholeWords} onChange={(event) => corpusSearchActions.setWholeWords(event.target.checked)} />
            {t('wholeWords')}
          </label>
          <button type="submit" className="primary" disabled={busy}>
            {t('search')}
          </button>
        </form>
        {error ? (
          <p className="problem" role="alert">
            <ProblemText problem={error} />
          </p>
        ) : null}
        {lastTagAll ? (
          <div className="notice-bar" role="status" data-testid="tag-all-result">
            <span>
              {t('annotationsAddedInArticles', { added: lastTagAll.added, type: lastTagAll.type, articles: lastTagAll.articles.length })}
            </span>
            {lastTagAll.inBoilerplate ? <span data-testid="tag-all-skipped">{z('skippedInBoilerplate', { count: lastTagAll.inBoilerplate })}</span> : null}
            <button type="button" disabled={busy} onClick={() => void undoTagAllInCorpus()}>
              {t('undoThisStep')}
            </button>
          </div>
        ) : null}
        {result ? (
          <>
            <p data-testid="corpus-search-count">
              {t('hitsInArticles', { total: result.total, articles: result.articles })}
              {result.truncated ? (t('firstShown', { hits: result.hits.length })) : ''}
            </p>
            {result.total > 0 ? (
              <label className="toggle">
                {t('tagAllHitsAs')}
                <select aria-label={t('tagForAllCorpusHits')} value={previewType ?? ''} onChange={(event) => corpusSearchActions.previewTagAll(event.target.value || null)}>
                  <option value="">—</option>
                  {types.map((type) => (
                    <option key={type.id} value={type.id}>
                      {type.label[language]} ({type.id})
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {previewType ? (
              <div className="tagset-plan" data-testid="tag-all-preview">
                <p>
                  {t('hitsInArticlesWill', { total: result.total, size: byArticle.size, previewType })}
                </p>
                <button type="button" className="primary" disabled={busy} onClick={() => void tagAllInCorpus(previewType)}>
                  {t('tagAllInTheCorpus')}
                </button>
              </div>
            ) : null}
            <ol className="kwic corpus-kwic">
              {result.hits.slice(0, 500).map((hit) => (
                <li key={`${hit.articleId}:${hit.start}`}>
                  <button type="button" className="kwic-hit" onClick={() => void showHit(hit.articleId, hit.start, hit.end).then(() => corpusSearchActions.close())}>
                    <bdi className="kwic-article">{hit.articleId}</bdi>
                    <span dir="auto">
                      …{hit.before}
                      <mark>{hit.match}</mark>
                      {hit.after}…
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          </>
        ) : null}
        <button type="button" onClick={() => corpusSearchActions.close()}>
          {t('close')}
        </button>
    </ModalDialog>
  );
}
