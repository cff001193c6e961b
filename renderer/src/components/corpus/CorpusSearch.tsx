import { ModalDialog } from '../app/ModalDialog';
import { problemOf } from '../../ipcError';
import { api } from '../../api';
import { selectDomRange } from '../../dom/domPosition';
import { scrollRangeIntoView } from '../../dom/scrollRangeIntoView';
import { whenOffsetRendered } from '../../dom/waitForOffset';
import { openArticle } from '../../store/actions';
import { flushSave } from '../../store/autosave';
import { useCorpusSearchStore } from '../../store/corpusSearchStore';
import { useSessionStore } from '../../store/sessionStore';
import { NO_ITEMS } from '../../store/emptyArrays';
import { ProblemText } from '../app/ProblemText';


/** Opens an article at a hit and selects the hit's text, so a tag key tags it. */
async function showHit(articleId: string, start: number, end: number): Promise<void> {
  await openArticle(articleId);
  const article = useSessionStore.getState().article;
  if (!article || article.id !== articleId) return;
  const from = article.converter.toUtf16(start);
  const to = article.converter.toUtf16(end);
  const root = await whenOffsetRendered(to);
  if (!root) return;
  selectDomRange(root, from, to);
  const selection = window.getSelection();
  if (selection && selection.rangeCount > 0) void scrollRangeIntoView(selection.getRangeAt(0));
  useSessionStore.getState().set({ textSelection: { start: from, end: to }, selectedAnnotationId: null });
}

async function search(): Promise<void> {
  const state = useCorpusSearchStore.getState();
  if (state.query.trim() === '') return;
  state.set({ busy: true, error: null, previewType: null });
  try {
    await flushSave();
    state.set({ result: await api().corpus.search({ query: state.query, wholeWords: state.wholeWords }), busy: false });
  } catch (error) {
    state.set({ busy: false, error: problemOf(error) });
  }
}

async function reloadOpenArticle(): Promise<void> {
  const article = useSessionStore.getState().article;
  if (article) await openArticle(article.id, { reload: true });
}

async function tagAll(type: string): Promise<void> {
  const state = useCorpusSearchStore.getState();
  state.set({ busy: true, error: null });
  try {
    await flushSave();
    const result = await api().corpus.tagAll({ query: state.query, wholeWords: state.wholeWords, type });
    state.set({ lastTagAll: { ...result, type }, previewType: null, busy: false });
    await reloadOpenArticle();
  } catch (error) {
    state.set({ busy: false, error: problemOf(error) });
  }
}

async function undoTagAll(): Promise<void> {
  const state = useCorpusSearchStore.getState();
  if (!state.lastTagAll) return;
  state.set({ busy: true, error: null });
  try {
    await flushSave();
    await api().corpus.undoTagAll({ batchId: state.lastTagAll.batchId });
    state.set({ lastTagAll: null, busy: false });
    await reloadOpenArticle();
  } catch (error) {
    state.set({ busy: false, error: problemOf(error) });
  }
}

/** Search every article with the Persian-aware matching keys; tag all hits in one undoable step. */
export function CorpusSearch() {
  const { open, query, wholeWords, busy, result, previewType, lastTagAll, error, set } = useCorpusSearchStore();
  const language = useSessionStore((state) => state.language);
  const types = useSessionStore((state) => state.corpus?.tagSet.types ?? NO_ITEMS);
  const fa = language === 'fa';
  if (!open) return null;
  const byArticle = new Map<string, number>();
  for (const hit of result?.hits ?? []) byArticle.set(hit.articleId, (byArticle.get(hit.articleId) ?? 0) + 1);
  return (
    <ModalDialog className="sheet corpus-search" label={fa ? 'جست‌وجو در پیکره' : 'Search the corpus'} onEscape={() => set({ open: false })} closeOnBackdrop>
        <h2>{fa ? 'جست‌وجو در کل پیکره' : 'Search the whole corpus'}</h2>
        <form
          className="search-form"
          onSubmit={(event) => {
            event.preventDefault();
            void search();
          }}
        >
          <input
            type="search"
            autoFocus
            dir="auto"
            aria-label={fa ? 'عبارت جست‌وجو در پیکره' : 'Corpus search query'}
            value={query}
            onChange={(event) => set({ query: event.target.value, result: null, previewType: null })}
            onKeyDown={(event) => {
              if (event.key === 'Escape') set({ open: false });
            }}
          />
          <label className="toggle">
            <input type="checkbox" checked={wholeWords} onChange={(event) => set({ wholeWords: event.target.checked, result: null })} />
            {fa ? 'واژهٔ کامل' : 'Whole words'}
          </label>
          <button type="submit" className="primary" disabled={busy}>
            {fa ? 'جست‌وجو' : 'Search'}
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
              {fa
                ? `${lastTagAll.added} حاشیه‌نویسی ${lastTagAll.type} در ${lastTagAll.articles.length} مقاله افزوده شد.`
                : `${lastTagAll.added} ${lastTagAll.type} annotations added in ${lastTagAll.articles.length} articles.`}
            </span>
            <button type="button" disabled={busy} onClick={() => void undoTagAll()}>
              {fa ? 'واگرد این گام' : 'Undo this step'}
            </button>
          </div>
        ) : null}
        {result ? (
          <>
            <p data-testid="corpus-search-count">
              {fa ? `${result.total} مورد در ${result.articles} مقاله` : `${result.total} hits in ${result.articles} articles`}
              {result.truncated ? (fa ? ` (${result.hits.length} نخست نشان داده شده)` : ` (first ${result.hits.length} shown)`) : ''}
            </p>
            {result.total > 0 ? (
              <label className="toggle">
                {fa ? 'برچسب زدن به همهٔ موارد با:' : 'Tag all hits as:'}
                <select aria-label={fa ? 'برچسب برای همهٔ موارد پیکره' : 'Tag for all corpus hits'} value={previewType ?? ''} onChange={(event) => set({ previewType: event.target.value || null })}>
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
                  {fa
                    ? `${result.total} مورد در ${byArticle.size} مقاله با برچسب ${previewType} حاشیه‌نویسی می‌شود (موردهایی که همین برچسب را دارند دوباره افزوده نمی‌شوند).`
                    : `${result.total} hits in ${byArticle.size} articles will be tagged ${previewType} (hits already tagged so are not doubled).`}
                </p>
                <button type="button" className="primary" disabled={busy} onClick={() => void tagAll(previewType)}>
                  {fa ? 'برچسب زدن به همه در پیکره' : 'Tag all in the corpus'}
                </button>
              </div>
            ) : null}
            <ol className="kwic corpus-kwic">
              {result.hits.slice(0, 500).map((hit) => (
                <li key={`${hit.articleId}:${hit.start}`}>
                  <button type="button" className="kwic-hit" onClick={() => void showHit(hit.articleId, hit.start, hit.end).then(() => set({ open: false }))}>
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
        <button type="button" onClick={() => set({ open: false })}>
          {fa ? 'بستن' : 'Close'}
        </button>
    </ModalDialog>
  );
}
